"""How many examples a second each top-level strategy of ``frivillig.strategies`` draws.

Run with ``python benchmarks/strategy_speed.py [name ...]``. Each strategy is drawn
through ``@given`` with Hypothesis's own settings except the number of examples, so the
figure includes Hypothesis's work per example, as a user's test suite sees it.
"""

import statistics
import sys
import time

from hypothesis import given, settings

from frivillig import strategies

TOP_LEVEL = ("collaborations", "portfolios", "volunteer_policies", "instruments")
EXAMPLES = 300
REPEATS = 3


def rate(name: str) -> float:
    strategy = getattr(strategies, name)()
    drawn = 0

    @settings(max_examples=EXAMPLES, database=None, deadline=None)
    @given(strategy)
    def draw(value: object) -> None:
        nonlocal drawn
        drawn += 1

    start = time.perf_counter()
    draw()
    return drawn / (time.perf_counter() - start)


def main(names: list[str]) -> None:
    for name in names or TOP_LEVEL:
        rates = [rate(name) for _ in range(REPEATS)]
        runs = ", ".join(f"{r:.0f}" for r in rates)
        print(f"{name:24} {statistics.median(rates):7.0f} examples/s  (runs: {runs})")


if __name__ == "__main__":
    main(sys.argv[1:])
