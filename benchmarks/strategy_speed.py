"""How many examples a second each top-level strategy of ``frivillig.strategies`` draws.

Run with ``python benchmarks/strategy_speed.py [name ...]``. Each strategy is drawn
through ``@given`` with Hypothesis's own settings except the number of examples, so the
figure includes Hypothesis's work per example, as a user's test suite sees it.

The first figure is per second of wall-clock time, as a user waits for it; the one after
``cpu`` is per second of the process's CPU time, which other work on a busy machine
disturbs less. Compare medians of repeated runs.
"""

import statistics
import sys
import time

from hypothesis import given, settings

from frivillig import strategies

TOP_LEVEL = ("collaborations", "portfolios", "volunteer_policies", "instruments")
EXAMPLES = 300
REPEATS = 3


def rate(name: str) -> tuple[float, float]:
    """Examples a second of wall-clock time and of CPU time."""
    strategy = getattr(strategies, name)()
    drawn = 0

    @settings(max_examples=EXAMPLES, database=None, deadline=None)
    @given(strategy)
    def draw(value: object) -> None:
        nonlocal drawn
        drawn += 1

    start, start_cpu = time.perf_counter(), time.process_time()
    draw()
    return drawn / (time.perf_counter() - start), drawn / (time.process_time() - start_cpu)


def main(names: list[str]) -> None:
    for name in names or TOP_LEVEL:
        rates = [rate(name) for _ in range(REPEATS)]
        runs = ", ".join(f"{wall:.0f}" for wall, _ in rates)
        cpu = statistics.median(cpu for _, cpu in rates)
        print(
            f"{name:24} {statistics.median(wall for wall, _ in rates):7.0f} examples/s  "
            f"(runs: {runs})  cpu {cpu:.0f}/s"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
