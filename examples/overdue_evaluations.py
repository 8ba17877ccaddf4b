"""Find every collaboration whose evaluation is overdue, and every round that was missed.

The parties to a collaboration agree to evaluate it again and again; a municipality
that follows many collaborations needs a list of those where the evaluation has
slipped, to send reminders before the next meeting of its volunteer council. This
script reads a (synthetic) portfolio from a JSON Lines export, as a municipality's
systems would deliver it, matches each collaboration's rounds to its evaluation
plan as of a fixed day, and lists the overdue evaluations, most overdue first, and
the collaborations that have no plan at all.

Run it with ``python examples/overdue_evaluations.py``; it needs only the core install.
"""

import datetime as dt
import tempfile
from pathlib import Path

import frivillig
from frivillig import batch, schedules, synthetic

TODAY = dt.date(2026, 10, 1)
SEED = 2026
UNDER_WAY = {
    frivillig.LifecycleStatus.ACTIVE,
    frivillig.LifecycleStatus.EVALUATING,
    frivillig.LifecycleStatus.CONTINUED,
    frivillig.LifecycleStatus.ADJUSTED,
}


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        export = Path(folder) / "collaborations.jsonl"
        batch.write_jsonl(synthetic.generate_portfolio(seed=SEED), export)

        overdue = []
        missed = 0
        without_plan = []
        report = batch.BatchReport()
        for collaboration in batch.iter_collaborations(export, report=report):
            if collaboration.status not in UNDER_WAY:
                continue
            plan = collaboration.evaluation_plan
            if plan is None:
                without_plan.append(collaboration)
                continue
            status = schedules.evaluation_status(plan, collaboration.rounds, today=TODAY)
            missed += len(status.missed)
            if status.overdue and status.current is not None:
                cadence = schedules.describe_cadence(plan)
                overdue.append((status.days_overdue, status.current.due_on, cadence, collaboration))
    overdue.sort(key=lambda entry: (-entry[0], entry[3].id))

    print(f"Read {report.collaborations} collaborations ({len(report.bad)} bad documents).")
    print(f"Evaluation status on {TODAY.isoformat()} of the collaborations under way:")
    print()
    print(f"{len(overdue)} overdue evaluations, most overdue first:")
    for days, due_on, cadence, collaboration in overdue:
        municipality = frivillig.get_municipality(collaboration.municipality_code).name
        due = due_on.isoformat()
        print(f"  {days:4} days  due {due}  {municipality:<13} {collaboration.title}")
        print(f"             evaluated {cadence}")
    print()
    print(f"{missed} due dates passed without a round (missed) across the portfolio.")
    print(f"{len(without_plan)} collaborations under way have no evaluation plan:")
    for collaboration in sorted(without_plan, key=lambda c: c.id):
        print(f"  {collaboration.id}  {collaboration.title}")


if __name__ == "__main__":
    main()
