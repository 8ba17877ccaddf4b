"""Seeded portfolios that look like a real one, and single documents, kept in a temporary folder.

Every collaboration is drawn on its own, from a generator seeded with the seed and
its index (``random.Random(f"frivillig-benchmarks:{seed}:{index}")``), so no two are
copies of one template and a portfolio of any size is the same at its start. Two
kinds are mixed:

``synthetic`` (one in ``SYNTHETIC_EVERY``, i.e. 20 %)
    ``frivillig.synthetic.generate_collaboration`` with its default (varied) shape,
    drawn from that collaboration's own generator, for a municipality drawn
    uniformly from the 98: tasks, volunteers, agreements, colons in task and
    agreement titles, and its own plan and rounds. These cost 1.5-5 ms each to
    draw, which is why they are not all of a large portfolio.
``drawn`` (the other 80 %)
    Written here as the JSON form's data, drawn per collaboration from these
    distributions (uniform unless said otherwise):

    - municipality: one of the 98 codes; start: a day in 2019-01-01 to 2026-06-30;
      status: exploring 5, agreeing_goals 7, active 30, evaluating 15, continued 20,
      adjusted 10, ended 13 (weights); an ended one has an end 90-1,500 days after
      its start and, half the time, the status it ended from.
    - parties: 2-6, the municipality first, the others drawn from the six other
      kinds of actor (associations and centres with a valid CVR half the time);
      0-5 responsibilities held by a party, role holders for half of them.
    - goals: 1-6, each with 0-2 wishes, an indicator (80 %; baseline 0-20, target
      1-60 above it) and the agreement of each party with probability 0.8.
    - volunteers: 0-12, pseudonymous, with 0-6 motives, hours, skills, the new
      facts of version 2 (benefit, coercion, own benefit, periods with children)
      each recorded or not at random; tasks: 0-4, titles with a colon half the time,
      0-3 volunteers each.
    - plan (90 %): FREQ MONTHLY 55, YEARLY 25, WEEKLY 15, DAILY 5 (weights);
      INTERVAL 1-12 (monthly), 1-2 (yearly), 1-26 (weekly), 1-90 (daily); COUNT
      4-40 (45 %) or UNTIL 1-6 years on (15 %); BYMONTHDAY 1-28 (monthly, 30 %) or
      BYDAY (weekly, 30 %); first date 0-180 days after the start. Common
      cadences recur, as in a real portfolio: 2,000 collaborations have about
      1,800 plans with about 870 distinct texts and 1,780 distinct (text, first
      date) pairs, so the schedule caches, keyed by both, mostly miss.
    - rounds: 0-12, 20-140 days apart from the first date; each with 1-4
      responses by distinct parties (satisfaction 1-5, or none 10 %), progress on
      a random subset of the goals (0-40), answers to 10-20 of the 20 items of
      ``benchmark-20`` (1-5, 5 % missing) 70 % of the time, and 0-2 ratings.
    - time logs (drawn last, so the rest is as it was before logs): for each
      volunteer on a task, 70 % of the time, a run of 1-24 months beginning 0-36
      months after the month of the start, each month logged with probability
      0.8, hours 0.25-40 in quarter hours, or 45-80 one time in 20 (over the 44
      hours a month of unpaid work dagpenge allow).

The document is the text ``frivillig.dumps`` writes (compact JSON), written by
msgspec from data whose members are in the JSON form's order: the first
collaborations of every portfolio (up to ``VERIFIED``) are read by
``frivillig.loads`` and written back by ``frivillig.dumps`` while it is made, and
the text must come back byte for byte.

Portfolios are kept per (size, seed) in ``default_folder()``, under names with the
schema version and ``DATA_REVISION``. Drawing takes about 2 ms a collaboration (5 ms
a synthetic one) on the shared 2-core machine this was written on: about 40 s for
10,000 the first time, several minutes for 100,000.

``service_documents`` are the web-service benchmark's request bodies: the
collaborations of ``frivillig.synthetic.generate_portfolio(seed)`` (300, varied
shape), each written by ``frivillig.dumps`` as a document of its own.
"""

import datetime as dt
import functools
import random
import tempfile
from pathlib import Path
from typing import Any

import attrs
import msgspec

import frivillig
from frivillig import synthetic

from .instrument import INSTRUMENT_ID, ITEMS

SYNTHETIC_EVERY = 5
DATA_REVISION = 2
"""Part of the cached files' names: raised when the documents drawn change (2: time logs),
so that a file of the same schema version drawn before is not read in their place."""
VERIFIED = 300
_CODES = tuple(sorted(info.code for info in frivillig.municipalities()))
_START = dt.date(2019, 1, 1)
_START_DAYS = (dt.date(2026, 6, 30) - _START).days
_STATUSES = (
    "exploring",
    "agreeing_goals",
    "active",
    "evaluating",
    "continued",
    "adjusted",
    "ended",
)
_STATUS_WEIGHTS = (5, 7, 30, 15, 20, 10, 13)
_ACTOR_KINDS = (
    "public_institution",
    "voluntary_organisation",
    "volunteer_centre",
    "volunteer_council",
    "private_company",
    "citizen_group",
)
_FREQUENCIES = ("MONTHLY", "YEARLY", "WEEKLY", "DAILY")
_FREQUENCY_WEIGHTS = (55, 25, 15, 5)
_INTERVALS = {"MONTHLY": 12, "YEARLY": 2, "WEEKLY": 26, "DAILY": 90}
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR")
_CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)
_RESOURCES = [member.value for member in frivillig.Resource]
_ROLES = [member.value for member in frivillig.ParticipantRole]
_FUNCTIONS = [member.value for member in frivillig.VolunteerFunction]
_PURPOSES = [member.value for member in frivillig.Purpose]
_MANAGEMENT = [member.value for member in frivillig.ManagementTask]
_WORDS = (
    "besøg", "lektiehjælp", "fællesspisning", "gåtur", "naturpleje", "café", "IT-hjælp",
    "sprogvenner", "klub", "idræt", "mentor", "værksted", "kor", "bibliotek", "have",
)  # fmt: skip


def default_folder() -> Path:
    """Where the documents go unless told otherwise: a folder in the temporary directory."""
    return Path(tempfile.gettempdir()) / "frivillig-benchmarks"


def _enum(member: Any) -> Any:
    return member.value if hasattr(member, "value") and hasattr(member, "label") else member


def _default(field: "attrs.Attribute[Any]") -> Any:
    """A field's default as the JSON form writes it."""
    default = field.default
    if isinstance(default, attrs.Factory):  # a FrozenMap: an empty map
        return {}
    if isinstance(default, tuple):
        return list(default)
    return _enum(default)


_ACTOR_CLASSES = {
    "municipality": frivillig.Municipality,
    "public_institution": frivillig.PublicInstitution,
    "voluntary_organisation": frivillig.VoluntaryOrganisation,
    "volunteer_centre": frivillig.VolunteerCentre,
    "volunteer_council": frivillig.VolunteerCouncil,
    "private_company": frivillig.PrivateCompany,
    "citizen_group": frivillig.CitizenGroup,
}


@functools.cache
def _defaults(cls: type[Any]) -> tuple[tuple[str, Any], ...]:
    return tuple((field.name, _default(field)) for field in attrs.fields(cls))


def _complete(cls: type[Any], given: dict[str, Any]) -> dict[str, Any]:
    """Every field of ``cls`` in the model's order, the default where ``given`` has none.

    Defaults are shared between documents: the data are only ever encoded, never changed.
    """
    return {name: given.get(name, default) for name, default in _defaults(cls)}


def _actor(kind: str, given: dict[str, Any]) -> dict[str, Any]:
    return {"kind": kind, **_complete(_ACTOR_CLASSES[kind], given)}


def _day(day: dt.date) -> str:
    return day.isoformat()


def _cvr(rng: random.Random) -> str:
    while True:
        digits = [rng.randint(1, 9), *(rng.randint(0, 9) for _ in range(6))]
        rest = sum(w * d for w, d in zip(_CVR_WEIGHTS, digits, strict=False)) % 11
        check = (11 - rest) % 11
        if check < 10:
            return "".join(map(str, [*digits, check]))


def _party(rng: random.Random, kind: str, number: int, code: int) -> dict[str, Any]:
    word = rng.choice(_WORDS)
    cvr = _cvr(rng) if rng.random() < 0.5 else None
    actors = {
        "public_institution": lambda: {
            "name": f"Institution {word} {number}",
            "municipality_code": code,
        },
        "voluntary_organisation": lambda: {
            "name": f"Foreningen {word} {number}",
            "cvr": cvr,
            "municipality_code": code,
            "paying_members": rng.randint(5, 400),
            "voluntary_effort_is_core": rng.choice((True, None)),
        },
        "volunteer_centre": lambda: {"name": f"Frivilligcenter {number}", "cvr": cvr},
        "volunteer_council": lambda: {"name": f"Frivilligrådet {number}"},
        "private_company": lambda: {"name": f"Virksomhed {word} {number}", "cvr": cvr},
        "citizen_group": lambda: {
            "name": f"Borgergruppe {word} {number}",
            "size": rng.randint(2, 80),
        },
    }
    resources = rng.sample(_RESOURCES, rng.randint(0, 3))
    funding = rng.randint(1, 500) * 1000 if "money" in resources and rng.random() < 0.5 else None
    return _complete(
        frivillig.Participant,
        {
            "id": f"{kind.split('_')[0]}-{number}",
            "actor": _actor(kind, actors[kind]()),
            "roles": rng.sample(_ROLES, rng.randint(1, 2)),
            "resources": resources,
            "key_persons": rng.choice((None, rng.randint(1, 12))),
            "support_schemes": rng.choice((None, ["serviceloven_18"], ["folkeoplysning"])),
            "funding_dkk_per_year": funding,
        },
    )


def _rrule(rng: random.Random, first: dt.date) -> str:
    frequency = rng.choices(_FREQUENCIES, _FREQUENCY_WEIGHTS)[0]
    parts = [f"FREQ={frequency}", f"INTERVAL={rng.randint(1, _INTERVALS[frequency])}"]
    if frequency == "MONTHLY" and rng.random() < 0.3:
        parts.append(f"BYMONTHDAY={rng.randint(1, 28)}")
    if frequency == "WEEKLY" and rng.random() < 0.3:
        parts.append(f"BYDAY={rng.choice(_WEEKDAYS)}")
    ending = rng.random()
    if ending < 0.45:
        parts.append(f"COUNT={rng.randint(4, 40)}")
    elif ending < 0.6:
        until = first + dt.timedelta(days=rng.randint(365, 6 * 365))
        parts.append(f"UNTIL={until:%Y%m%d}")
    return ";".join(parts)


def _volunteer(rng: random.Random, number: int, association: str | None) -> dict[str, Any]:
    motives = {f: rng.randint(1, 7) for f in _FUNCTIONS if rng.random() < 0.5}
    periods = None
    if rng.random() < 0.3:
        first = _START + dt.timedelta(days=rng.randint(0, _START_DAYS))
        periods = [
            _complete(
                frivillig.PeriodWithChildren,
                {
                    "first_day": _day(first + dt.timedelta(days=40 * k)),
                    "last_day": _day(first + dt.timedelta(days=40 * k + rng.randint(0, 6))),
                },
            )
            for k in range(rng.randint(0, 3))
        ]
    return _complete(
        frivillig.Volunteer,
        {
            "id": f"frivillig-{rng.getrandbits(32):08x}-{number}",  # never 10 digits in a row
            "engagement": "association" if association else "municipality",
            "association": association,
            "birth_year": rng.choice((None, rng.randint(1940, 2008))),
            "motives": motives,
            "wants_influence": rng.random() < 0.3,
            "hours_offered_per_week": rng.choice((None, rng.randint(1, 20) / 2)),
            "skills": rng.sample(_WORDS, rng.randint(0, 3)),
            "attachment": rng.choice(("one_off", "short_term", "regular")),
            "started_on": rng.choice(
                (None, _day(_START + dt.timedelta(days=rng.randint(0, 2000))))
            ),
            "periods_with_children": periods,
            "benefit": rng.choice((None, "none", "unemployment", "early_retirement")),
            "coercion": rng.choice((None, "none")),
            "for_own_benefit": rng.choice((None, False)),
        },
    )


def _rounds(
    rng: random.Random, first: dt.date, parties: list[str], goals: list[str]
) -> list[dict[str, Any]]:
    rounds, held = [], first
    for number in range(rng.randint(0, 12)):
        responses = []
        for party in rng.sample(parties, rng.randint(1, min(4, len(parties)))):
            answers = {}
            if rng.random() < 0.7:
                for item in sorted(rng.sample(ITEMS, rng.randint(10, 20))):
                    # 1-5, each equally likely, or missing; random() is quicker than randint()
                    draw = rng.random()
                    answers[item] = None if draw < 0.05 else float(1 + int((draw - 0.05) / 0.19))
            progress = {
                g: float(int(rng.random() * 41))
                for g in sorted(rng.sample(goals, rng.randint(0, len(goals))))
            }
            responses.append(
                _complete(
                    frivillig.Response,
                    {
                        "party": party,
                        "satisfaction": None if rng.random() < 0.1 else rng.randint(1, 5),
                        "goal_progress": progress,
                        "instrument": INSTRUMENT_ID if answers else None,
                        "answers": answers,
                    },
                )
            )
        pairs = {tuple(rng.sample(parties, 2)) for _ in range(rng.randint(0, 2))}
        ratings = [
            _complete(
                frivillig.DyadicRating,
                {
                    "rater": a,
                    "ratee": b,
                    "level": rng.choice(("cooperation", "coordination", "collaboration")),
                },
            )
            for a, b in sorted(pairs)
        ]
        rounds.append(
            _complete(
                frivillig.EvaluationRound,
                {
                    "id": f"r{number + 1}",
                    "held_on": _day(held),
                    "responses": responses,
                    "ratings": ratings,
                    "decision": rng.choice((None, "continue")),
                },
            )
        )
        held += dt.timedelta(days=rng.randint(20, 140))
    return rounds


def _add_months(month: dt.date, count: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + count
    return dt.date(index // 12, index % 12 + 1, 1)


def _time_logs(
    rng: random.Random, start: dt.date, tasks: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The logs of each volunteer on each task, drawn as the module's docstring says."""
    first = start.replace(day=1)
    logs = []
    for task in tasks:
        for volunteer in task["volunteers"]:
            if rng.random() >= 0.7:
                continue
            begin = rng.randint(0, 36)
            for offset in range(begin, begin + rng.randint(1, 24)):
                if rng.random() >= 0.8:
                    continue
                over = rng.random() < 0.05
                quarters = rng.randint(180, 320) if over else rng.randint(1, 160)
                logs.append(
                    {
                        "volunteer": volunteer,
                        "task": task["id"],
                        "month": _day(_add_months(first, offset)),
                        "hours": quarters / 4,
                    }
                )
    return logs


def _drawn(rng: random.Random, seed: int, index: int) -> dict[str, Any]:
    """One collaboration's JSON data, drawn from the distributions in the module's docstring."""
    code = rng.choice(_CODES)
    start = _START + dt.timedelta(days=rng.randint(0, _START_DAYS))
    municipality = _complete(
        frivillig.Participant,
        {
            "id": "kommune",
            "actor": _actor("municipality", {"name": f"Kommune {code}", "code": code}),
            "roles": ["owner"],
        },
    )
    others = [
        _party(rng, rng.choice(_ACTOR_KINDS), number, code)
        for number in range(1, rng.randint(2, 6))
    ]
    participants = [municipality, *others]
    parties = [p["id"] for p in participants]
    associations = [p["id"] for p in others if p["actor"]["kind"] == "voluntary_organisation"]
    goals = []
    for number in range(rng.randint(1, 6)):
        indicator = None
        if rng.random() < 0.8:
            baseline = float(rng.randint(0, 20))
            indicator = _complete(
                frivillig.Indicator,
                {
                    "name": f"Mål {number + 1}",
                    "unit": "deltagere",
                    "baseline": baseline,
                    "target": baseline + rng.randint(1, 60),
                },
            )
        agreed = _day(start - dt.timedelta(days=rng.randint(0, 60)))
        goals.append(
            _complete(
                frivillig.Goal,
                {
                    "id": f"g{number + 1}",
                    "text": f"Flere borgere får glæde af {rng.choice(_WORDS)} ({index})",
                    "wishes": [
                        {"party": p, "text": f"Ønske fra {p}"}
                        for p in rng.sample(parties, rng.randint(0, 2))
                    ],
                    "indicator": indicator,
                    "agreements": [
                        {"party": p, "agreed_on": agreed} for p in parties if rng.random() < 0.8
                    ],
                    "status": rng.choice(("proposed", "agreed")),
                },
            )
        )
    volunteers = [
        _volunteer(
            rng, number, rng.choice(associations) if associations and rng.random() < 0.7 else None
        )
        for number in range(rng.randint(0, 12))
    ]
    tasks = [
        _complete(
            frivillig.Task,
            {
                "id": f"t{number + 1}",
                "title": f"{rng.choice(_WORDS).capitalize()}: hold {number + 1}"
                if rng.random() < 0.5
                else f"Opgave {number + 1}",
                "kind": rng.choice(("hands", "heads", "both")),
                "hours_per_week": rng.choice((None, rng.randint(1, 10) / 2)),
                "work_category": rng.choice((None, "activity", "unpaid_work")),
                "volunteers": [
                    v["id"] for v in rng.sample(volunteers, min(len(volunteers), rng.randint(0, 3)))
                ],
                "led_by": rng.choice((None, *parties)),
            },
        )
        for number in range(rng.randint(0, 4))
    ]
    tasks_held = {task: rng.choice(parties) for task in _MANAGEMENT if rng.random() < 0.5}
    holders = {
        t: f"{p}-koordinator-{rng.randint(1, 9)}"
        for t, p in tasks_held.items()
        if rng.random() < 0.5
    }
    status = rng.choices(_STATUSES, _STATUS_WEIGHTS)[0]
    ended = status == "ended"
    first = start + dt.timedelta(days=rng.randint(0, 180))
    if (first.month, first.day) == (2, 29):  # a yearly rule would fall every 4th year only
        first += dt.timedelta(days=1)
    plan = None
    if rng.random() < 0.9:
        plan = _complete(
            frivillig.EvaluationPlan,
            {
                "rrule": _rrule(rng, first),
                "first_date": _day(first),
                "instruments": [INSTRUMENT_ID],
                "respondents": rng.sample(parties, rng.randint(1, len(parties))),
            },
        )
    collaboration = _complete(
        frivillig.Collaboration,
        {
            "id": f"{code:04d}-samarbejde-{seed}-{index:06d}",
            "title": f"Samarbejde om {rng.choice(_WORDS)} nr. {index}",
            "municipality_code": code,
            "participants": participants,
            "initiator": rng.choice(parties),
            "purposes": rng.sample(_PURPOSES, rng.randint(0, 2)),
            "responsibilities": tasks_held,
            "responsibility_holders": holders,
            "goals": goals,
            "tasks": tasks,
            "volunteers": volunteers,
            "start_on": _day(start),
            "end_on": _day(start + dt.timedelta(days=rng.randint(90, 1500))) if ended else None,
            "status": status,
            "ended_from": rng.choice((None, "evaluating")) if ended else None,
            "evaluation_plan": plan,
            "rounds": _rounds(rng, first, parties, [g["id"] for g in goals]),
        },
    )
    collaboration["time_logs"] = _time_logs(rng, start, tasks)
    return collaboration


_ENVELOPE = ("schema_version", "type")


def _synthetic(rng: random.Random, index: int) -> dict[str, Any]:
    collaboration = synthetic.generate_collaboration(
        rng, municipality_code=rng.choice(_CODES), index=index
    )
    data = frivillig.to_dict(collaboration)
    return {key: value for key, value in data.items() if key not in _ENVELOPE}


def collaboration_data(seed: int, index: int) -> dict[str, Any]:
    """The JSON data of collaboration number ``index`` of every portfolio of this seed."""
    rng = random.Random(f"frivillig-benchmarks:{seed}:{index}")
    if index % SYNTHETIC_EVERY == 0:
        return _synthetic(rng, index)
    return _drawn(rng, seed, index)


def _document(seed: int, collaborations: list[dict[str, Any]]) -> bytes:
    document = {
        "schema_version": frivillig.SCHEMA_VERSION,
        "type": "portfolio",
        "id": f"benchmark-{seed}-{len(collaborations)}",
        "title": f"Benchmark portfolio of {len(collaborations)} collaborations (seed {seed})",
        "municipality_code": None,
        "policy": None,
        "collaborations": collaborations,
        "description": None,
    }
    return msgspec.json.encode(document)


def portfolio_document(size: int, seed: int) -> bytes:
    """Return the JSON document of a benchmark portfolio of ``size`` collaborations.

    Raises:
        AssertionError: the first collaborations do not read back through
            ``frivillig.loads`` and ``frivillig.dumps`` as the same text.
    """
    collaborations = [collaboration_data(seed, index) for index in range(size)]
    head = _document(seed, collaborations[:VERIFIED])
    again = frivillig.dumps(frivillig.loads(head, frivillig.Portfolio)).encode()
    if again != head:
        at = next(i for i, (a, b) in enumerate(zip(again, head, strict=False)) if a != b)
        msg = f"the data are not in frivillig's form near {head[at - 80 : at + 40]!r}"
        raise AssertionError(msg)
    return _document(seed, collaborations)


def _cached(path: Path, make: Any) -> Path:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        partial.write_bytes(make())
        partial.replace(path)
    return path


def portfolio_file(size: int, seed: int, folder: Path | None = None) -> Path:
    """Return the path of the portfolio's document, writing it first if it is not there."""
    name = f"portfolio-v{frivillig.SCHEMA_VERSION}-r{DATA_REVISION}-compact-seed{seed}-{size}.json"
    return _cached((folder or default_folder()) / name, lambda: portfolio_document(size, seed))


def service_file(seed: int, folder: Path | None = None, size: int = 300) -> Path:
    """The collaborations of ``generate_portfolio(seed, size)``, one document a line."""
    name = f"service-v{frivillig.SCHEMA_VERSION}-r{DATA_REVISION}-seed{seed}-{size}.jsonl"

    def make() -> bytes:
        portfolio = synthetic.generate_portfolio(seed, size)
        return b"".join(frivillig.dumps(c).encode() + b"\n" for c in portfolio.collaborations)

    return _cached((folder or default_folder()) / name, make)


def service_documents(seed: int, folder: Path | None = None, size: int = 300) -> list[bytes]:
    """The documents of ``service_file``, each the body of one request."""
    return service_file(seed, folder, size).read_bytes().splitlines()


__all__ = [
    "collaboration_data",
    "default_folder",
    "portfolio_document",
    "portfolio_file",
    "service_documents",
    "service_file",
]
