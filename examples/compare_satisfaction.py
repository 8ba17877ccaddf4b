"""Compare how satisfied municipalities and associations are with their collaborations.

Collaboration is meant to satisfy *every* party, and a municipality can easily be
content with a form of collaboration its partners find lopsided. This script takes
every evaluation response of a (synthetic) portfolio, as a flat table, and compares
the parties' satisfaction with the form of collaboration (1-5) by sector and by kind
of actor: how many answered, the mean, the spread (standard deviation) and the share
who answered 1 or 2. It then pairs, round by round, the municipality's rating with
the voluntary organisations' in the same collaboration, which removes the
differences between collaborations from the comparison.

Run it with ``python examples/compare_satisfaction.py``; it needs only the core install.
"""

import statistics
from collections import defaultdict

import frivillig
from frivillig import records, synthetic

SEED = 2026


def describe(values: list[int]) -> str:
    low = sum(value <= 2 for value in values) / len(values)
    return (
        f"{len(values):5}  {statistics.fmean(values):4.2f}  "
        f"{statistics.pstdev(values):4.2f}  {low:6.1%}"
    )


def main() -> None:
    portfolio = synthetic.generate_portfolio(seed=SEED)
    responses = [
        row for row in records.response_records(portfolio) if row["satisfaction"] is not None
    ]
    by_sector: dict[frivillig.Sector, list[int]] = defaultdict(list)
    by_kind: dict[frivillig.ActorKind, list[int]] = defaultdict(list)
    rounds: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    kinds = {kind.value: kind for kind in frivillig.ActorKind}
    for row in responses:
        kind = kinds[row["party_kind"]]
        by_sector[kind.sector].append(row["satisfaction"])
        by_kind[kind].append(row["satisfaction"])
        rounds[row["collaboration_id"], row["round_id"]][row["party_kind"]].append(
            row["satisfaction"]
        )

    print(f"{len(responses)} ratings of satisfaction with the form of collaboration (1-5)")
    print(f"in {len(rounds)} evaluation rounds of {len(portfolio.collaborations)} collaborations")
    print()
    heading = f"{'':40}{'n':>5}  {'mean':>4}  {'sd':>4}  {'1 or 2':>6}"
    print("By sector")
    print(heading)
    for sector in frivillig.Sector:
        if by_sector[sector]:
            print(f"  {sector.label('en'):<38}{describe(by_sector[sector])}")
    print()
    print("By kind of actor")
    print(heading)
    for kind in frivillig.ActorKind:
        if by_kind[kind]:
            print(f"  {kind.label('en'):<38}{describe(by_kind[kind])}")

    differences = []
    for parties in rounds.values():
        municipality = parties.get("municipality")
        associations = parties.get("voluntary_organisation")
        if municipality and associations:
            differences.append(statistics.fmean(associations) - statistics.fmean(municipality))
    print()
    print(f"Rounds where both the municipality and an association rated: {len(differences)}")
    print(
        "Association minus municipality, same round: "
        f"mean {statistics.fmean(differences):+.2f}, sd {statistics.pstdev(differences):.2f}"
    )
    lower = sum(difference < 0 for difference in differences)
    print(f"The association was less satisfied than the municipality in {lower} of them.")


if __name__ == "__main__":
    main()
