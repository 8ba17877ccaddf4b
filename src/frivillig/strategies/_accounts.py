"""Strategies for associations' accounts of hours, and the templates that shape them."""

import datetime as dt

import attrs
from hypothesis import strategies as st
from hypothesis.strategies import DrawFn, SearchStrategy

from .._core.calendar import add_months
from .._model.actors import VoluntaryOrganisation
from .._model.hours import TimeLog, month_of
from .._model.tasks import Task, WorkCategory
from .._model.volunteers import Engagement, Volunteer
from ..accounts import (
    MAX_NOTE,
    AccountCollaboration,
    AccountItem,
    AccountTemplate,
    ActivityLine,
    AssociationAccount,
    Caveat,
    CaveatKind,
    Measure,
    association_account,
)
from ._actors import voluntary_organisations
from ._collaborations import collaborations
from ._dice import _Dice
from ._primitives import _draw_maybe_text, _draw_text

_MEASURES = tuple(Measure)
_CATEGORIES = (*WorkCategory, None)


@st.composite
def _account_items(draw: DrawFn, measure: Measure | None = None) -> AccountItem:
    dice = _Dice(draw, 8)
    return AccountItem(
        measure=dice.choice(_MEASURES) if measure is None else measure,
        label_da=_draw_maybe_text(draw, dice, 120),
        label_en=_draw_maybe_text(draw, dice, 120),
        note_da=_draw_maybe_text(draw, dice, MAX_NOTE),
        note_en=_draw_maybe_text(draw, dice, MAX_NOTE),
    )


def account_items() -> SearchStrategy[AccountItem]:
    """A strategy for the items of an account template: a measure, maybe a label and a note."""
    return _account_items()


@st.composite
def _account_templates(draw: DrawFn) -> AccountTemplate:
    dice = _Dice(draw, 12)
    measures = dice.sample(_MEASURES, 1)
    return AccountTemplate(
        title_da=_draw_text(draw, dice, 120),
        title_en=_draw_maybe_text(draw, dice, 120),
        intro_da=_draw_maybe_text(draw, dice, MAX_NOTE),
        intro_en=_draw_maybe_text(draw, dice, MAX_NOTE),
        items=tuple(draw(_account_items(measure)) for measure in measures),
    )


def account_templates() -> SearchStrategy[AccountTemplate]:
    """A strategy for account templates: a title, maybe an intro, one to ten distinct measures.

    Examples shrink towards a template with one item and no intro.
    """
    return _account_templates()


@st.composite
def _association_accounts(draw: DrawFn) -> AssociationAccount:
    drawn = draw(
        collaborations(
            max_parties=4,
            max_time_logs=0,
            start_on=st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31)),
            actors=voluntary_organisations(),
        )
    )
    associations = [p.id for p in drawn.participants if isinstance(p.actor, VoluntaryOrganisation)]
    tasks = drawn.tasks or (Task(id="opgave", title="Besøgsven"),)
    tasks = tuple(
        attrs.evolve(task, work_category=draw(st.sampled_from(_CATEGORIES))) for task in tasks
    )
    volunteers = drawn.volunteers or (Volunteer(id="frivillig-1"),)
    # the first volunteer gives the first task hours for the first association; the rest
    # are engaged as drawn, some with no association recorded
    engaged = [
        attrs.evolve(volunteers[0], engagement=Engagement.ASSOCIATION, association=associations[0])
    ]
    for volunteer in volunteers[1:]:
        association = draw(st.sampled_from([*associations, None]))
        engaged.append(
            attrs.evolve(volunteer, engagement=Engagement.ASSOCIATION, association=association)
        )
    first = month_of(drawn.start_on)
    hours = st.integers(1, 100 * 4).map(lambda quarters: quarters / 4)
    keys = st.tuples(
        st.sampled_from([v.id for v in engaged]),
        st.sampled_from([t.id for t in tasks]),
        st.integers(0, 23),
    )
    entries = draw(st.lists(st.tuples(keys, hours), max_size=10, unique_by=lambda e: e[0]))
    logs = [TimeLog(volunteer=engaged[0].id, task=tasks[0].id, month=first, hours=draw(hours))]
    logs += [
        TimeLog(volunteer=v, task=t, month=add_months(first, offset), hours=h)
        for (v, t, offset), h in entries
        if (v, t, offset) != (engaged[0].id, tasks[0].id, 0)
    ]
    collaboration = attrs.evolve(
        drawn, tasks=tasks, volunteers=tuple(engaged), time_logs=tuple(logs)
    )
    return association_account(
        collaboration,
        association=associations[0],
        year=first.year,
        municipality_code=collaboration.municipality_code,
    )


def association_accounts() -> SearchStrategy[AssociationAccount]:
    """A strategy for associations' accounts, each made from a drawn collaboration.

    Each account is [`association_account`][frivillig.accounts.association_account]'s
    answer for a collaboration whose volunteers log hours for its associations (some
    with no association recorded, some on tasks whose kind is not recorded), so its
    totals, months, activities and caveats agree as the function makes them. Every
    account has at least one activity with hours.
    """
    return _association_accounts()


def activity_lines() -> SearchStrategy[ActivityLine]:
    """A strategy for the activity lines of an account: a task's hours in the year."""
    return association_accounts().flatmap(lambda account: st.sampled_from(account.activities))


def account_collaborations() -> SearchStrategy[AccountCollaboration]:
    """A strategy for the collaborations an account lists, with their hours."""
    return association_accounts().flatmap(lambda account: st.sampled_from(account.collaborations))


def caveats() -> SearchStrategy[Caveat]:
    """A strategy for an account's caveats: hours it could not attribute, and in how many logs."""
    return st.builds(
        Caveat,
        kind=st.sampled_from(CaveatKind),
        hours=st.integers(0, 10_000 * 4).map(lambda quarters: quarters / 4),
        logs=st.integers(1, 10_000),
    )
