"""Write a report of the rule check's findings for a city council, in Danish, as Markdown.

Once a year the administration tells the city council (byrådet) how the
municipality's collaborations with civil society are doing within the limits of
volunteering: no volunteers exercising public authority, child certificates
checked, goals agreed, evaluations held. This script checks every collaboration of
a (synthetic) Aarhus portfolio as of a fixed day and writes the report as Markdown:
the verdict in numbers, the findings by rule, and the collaborations that must be
put right first. Findings that rest on volunteers' personal data are counted but
not described, as a report to politicians should not point at single volunteers.

Run it with ``python examples/council_report.py > rapport.md``; it needs only the
core install.
"""

import datetime as dt
from collections import Counter, defaultdict

import frivillig
from frivillig import records, synthetic

TODAY = dt.date(2026, 10, 1)
SEED = 2026
MUNICIPALITY = 751  # Aarhus
SIZE = 80
SHOWN = 10
SEVERITIES = ("error", "warning", "info")


def danish_date(day: dt.date) -> str:
    months = [
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    ]
    return f"{day.day}. {months[day.month - 1]} {day.year}"


def main() -> None:
    portfolio = synthetic.generate_portfolio(
        seed=SEED, size=SIZE, municipality_codes=[MUNICIPALITY]
    )
    collaborations = {c.id: c for c in portfolio.collaborations}
    rows = list(records.finding_records(portfolio, today=TODAY, lang="da"))
    municipality = frivillig.get_municipality(MUNICIPALITY).name

    by_severity = Counter(row["severity"] for row in rows)
    failing = {row["collaboration_id"] for row in rows if row["severity"] == "error"}
    clean = len(collaborations) - len({row["collaboration_id"] for row in rows})
    per_rule: dict[str, Counter[str]] = defaultdict(Counter)
    titles: dict[str, str] = {}
    reached: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        per_rule[row["code"]][row["severity"]] += 1
        titles[row["code"]] = row["title"] or row["name"]
        reached[row["code"]].add(row["collaboration_id"])

    lines = [
        f"# Frivillighedens grænser i {municipality} Kommunes samarbejder",
        "",
        f"*Status pr. {danish_date(TODAY)}. Tjekket med frivillig {frivillig.__version__}.*",
        "",
        "## Kort fortalt",
        "",
        f"- {len(collaborations)} samarbejder med civilsamfundet er gennemgået.",
        f"- {clean} samarbejder har ingen bemærkninger.",
        f"- {len(failing)} samarbejder har mindst én fejl, der skal rettes.",
        f"- I alt {by_severity['error']} fejl, {by_severity['warning']} advarsler "
        f"og {by_severity['info']} råd.",
        "",
        "## Fund pr. regel",
        "",
        "| Regel | Hvad | Fejl | Advarsler | Råd | Samarbejder |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for code in sorted(per_rule):
        counts = per_rule[code]
        lines.append(
            f"| {code} | {titles[code]} | {counts['error']} | {counts['warning']} | "
            f"{counts['info']} | {len(reached[code])} |"
        )
    lines += ["", "## De samarbejder, der skal rettes først", ""]
    errors_by_collaboration: dict[str, list[dict[str, object]]] = defaultdict(list)
    for row in rows:
        if row["severity"] == "error":
            errors_by_collaboration[row["collaboration_id"]].append(row)
    ordered = sorted(errors_by_collaboration.items(), key=lambda item: (-len(item[1]), item[0]))
    for collaboration_id, found in ordered[:SHOWN]:
        collaboration = collaborations[collaboration_id]
        lines.append(f"### {collaboration.title}")
        lines.append("")
        lines.append(f"`{collaboration_id}`, {collaboration.status.label('da')}")
        lines.append("")
        for row in found:
            if row["personal"]:
                lines.append(
                    f"- **{row['code']} {row['title']}**: bygger på oplysninger om en frivillig; "
                    "forvaltningen følger op direkte med samarbejdet."
                )
            else:
                lines.append(f"- **{row['code']} {row['title']}**: {row['message']}")
        lines.append("")
    if len(ordered) > SHOWN:
        lines += [f"... og {len(ordered) - SHOWN} samarbejder mere med fejl.", ""]
    personal = sum(bool(row["personal"]) for row in rows)
    lines.append(
        f"*{personal} af fundene bygger på personoplysninger om frivillige og er kun talt med.*"
    )
    print("\n".join(lines))


if __name__ == "__main__":
    main()
