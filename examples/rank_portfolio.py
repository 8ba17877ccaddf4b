"""Score and rank one municipality's collaborations, weakest first.

A volunteer consultant in Odense wants to know which of the municipality's
collaborations with civil society need attention first. This script scores every
collaboration of a (synthetic) portfolio as of a fixed day, ranks Odense's by
collaboration health, and names each one's weakest score, so the conversation with
the parties can start there.

Run it with ``python examples/rank_portfolio.py``; it needs only the core install.
"""

import datetime as dt
import statistics

import frivillig
from frivillig import synthetic

TODAY = dt.date(2026, 10, 1)
SEED = 2026
MUNICIPALITY = 461  # Odense
SHOWN = 10


def main() -> None:
    portfolio = synthetic.generate_portfolio(seed=SEED)
    mine = [c for c in portfolio.collaborations if c.municipality_code == MUNICIPALITY]
    name = frivillig.get_municipality(MUNICIPALITY).name
    ranked = []
    for collaboration in mine:
        scores = frivillig.score_all(collaboration, today=TODAY)
        health = scores["collaboration_health"].value
        parts = [
            score
            for key, score in scores.items()
            if key != "collaboration_health" and score.value is not None
        ]
        weakest = min(parts, key=lambda score: score.value or 0.0)
        ranked.append((health if health is not None else 0.0, collaboration, weakest))
    ranked.sort(key=lambda entry: (entry[0], entry[1].id))

    print(f"{name}: {len(mine)} collaborations, scored on {TODAY.isoformat()}")
    print()
    print(f"The {SHOWN} that need attention first (collaboration health, weakest score):")
    for rank, (health, collaboration, weakest) in enumerate(ranked[:SHOWN], start=1):
        print(
            f"{rank:3}. {health:5.1f}  {collaboration.title[:48]:<48}  "
            f"{weakest.label('en')} {weakest.value:.0f}"
        )
    print()
    print("The strongest three:")
    for health, collaboration, _ in ranked[-3:][::-1]:
        print(f"     {health:5.1f}  {collaboration.title}")
    values = [health for health, _, _ in ranked]
    print()
    print(f"Median health: {statistics.median(values):.1f}")


if __name__ == "__main__":
    main()
