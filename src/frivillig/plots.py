"""Plots: a collaboration's factor profile, each party's satisfaction, a portfolio's findings.

Three figures answer the questions a caseworker, a steering group or a city
council asks of the evaluations and the rule check:

* [`factor_profile`][frivillig.plots.factor_profile]: how each instrument factor
  (goal clarity, equality, ...) scored in each evaluation round, with the spread
  between the parties, so a factor where one party rates lower stands out;
* [`satisfaction_over_time`][frivillig.plots.satisfaction_over_time]: each party's
  satisfaction with the form of collaboration, round by round, and the mean;
* [`findings_by_rule`][frivillig.plots.findings_by_rule]: how many findings each
  rule of the check made across a portfolio, stacked by severity.

The plots need matplotlib, an optional extra: ``pip install 'frivillig[plot]'``.
Without it each function raises [`MissingExtraError`][frivillig.records.MissingExtraError]
with that hint; importing this module does not need it. Each function returns a
``matplotlib.figure.Figure`` drawn on matplotlib's non-interactive Agg canvas,
without pyplot: no window opens, no global state changes, and it works on a
server or in CI without a display. Save it with ``figure.savefig("profile.png")``
(or ``.svg``, ``.pdf``); a notebook shows a returned figure as it is. Titles,
axis labels and legends are in the language asked for, ``lang="da"`` or ``"en"``.
The command line saves the same figures: ``frivillig plot satisfaction -o
satisfaction.png``.

Examples:
    >>> import frivillig
    >>> from frivillig import plots
    >>> figure = plots.satisfaction_over_time(frivillig.load_example(), lang="da")
    >>> figure.axes[0].get_ylabel()
    'Tilfredshed med samarbejdsformen (1-5)'
"""

import datetime as dt
import importlib
import textwrap
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from ._core.arguments import require_date, require_instance, require_language
from ._core.extras import require_extra
from ._core.labels import Language
from ._model.collaboration import Collaboration
from ._model.instruments import Instrument
from ._model.portfolio import Portfolio
from ._reference.cpr import mask_cpr_like
from ._rules.engine import CheckSettings, Report, Rulebook, Severity
from ._scores.scores import resolve_instrument
from ._scores.trends import RoundSeries, collaboration_trends
from .errors import Problem, ValidationError
from .records import _check_rulebook, _reports, _rule_titles

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["SEVERITY_COLOURS", "factor_profile", "findings_by_rule", "satisfaction_over_time"]

SEVERITY_COLOURS: Mapping[Severity, str] = MappingProxyType(
    {
        Severity.ERROR: "#D55E00",
        Severity.WARNING: "#E69F00",
        Severity.INFO: "#0072B2",
    }
)
"""The colour of each severity in [`findings_by_rule`][frivillig.plots.findings_by_rule]:
vermilion, orange and blue from the Okabe-Ito palette, which readers with the common
colour-vision deficiencies can tell apart."""

_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "profile": "Factor profile",
        "satisfaction": "Satisfaction over time",
        "satisfaction_axis": "Satisfaction with the form of collaboration (1-5)",
        "round": "Evaluation round",
        "held": "held on",
        "mean": "mean of the parties",
        "spread": "bars: mean of the parties; lines: lowest to highest party",
        "share": "Factor score, share of the scale (%)",
        "factor": "Factor score ({scale})",
        "findings": "Findings by rule and severity",
        "count": "Findings",
        "checked": "{count} collaborations checked on {day}",
        "checked_one": "1 collaboration checked on {day}",
        "checked_on": "checked on {day}",
        "no_factors": "No round has instrument answers yet.",
        "no_satisfaction": "No round has satisfaction ratings yet.",
        "no_findings": "No findings: every rule passes.",
    },
    "da": {
        "profile": "Faktorprofil",
        "satisfaction": "Tilfredshed over tid",
        "satisfaction_axis": "Tilfredshed med samarbejdsformen (1-5)",
        "round": "Evalueringsrunde",
        "held": "holdt",
        "mean": "parternes gennemsnit",
        "spread": "søjler: parternes gennemsnit; streger: laveste til højeste part",
        "share": "Faktorscore, andel af skalaen (%)",
        "factor": "Faktorscore ({scale})",
        "findings": "Fund pr. regel og alvor",
        "count": "Fund",
        "checked": "{count} samarbejder tjekket den {day}",
        "checked_one": "1 samarbejde tjekket den {day}",
        "checked_on": "tjekket den {day}",
        "no_factors": "Ingen runde har besvarelser af et spørgeskema endnu.",
        "no_satisfaction": "Ingen runde har vurderinger af tilfredshed endnu.",
        "no_findings": "Ingen fund: alle regler er opfyldt.",
    },
}

_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
_LINES = ("-", "--", "-.", ":")


# -- the canvas --------------------------------------------------------------------------------


def _error(message: str, code: str, path: str = "$") -> ValidationError:
    return ValidationError([Problem(path=path, message=message, code=code)])


def _check_lang(lang: object) -> Language:
    return require_language(lang)


def _figure(width: float, height: float) -> "Figure":
    """A new figure on the Agg canvas, without pyplot: nothing is shown, nothing global changes."""
    figure = require_extra("matplotlib.figure", "plot", what="plots need", name="matplotlib")
    agg = require_extra(
        "matplotlib.backends.backend_agg", "plot", what="plots need", name="matplotlib"
    )
    made: Figure = figure.Figure(figsize=(width, height), layout="constrained")
    agg.FigureCanvasAgg(made)
    return made


def _note(axes: "Axes", text: str) -> None:
    """Write a note in the middle of empty axes, so an empty figure says why it is empty."""
    axes.text(0.5, 0.5, text, ha="center", va="center", transform=axes.transAxes, wrap=True)
    axes.set_xticks([])
    axes.set_yticks([])


def _wrapped(text: str, width: int = 18) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def _check_collaboration(collaboration: object) -> Collaboration:
    return require_instance(collaboration, Collaboration, "collaboration")


# -- factor profile ----------------------------------------------------------------------------


def factor_profile(
    collaboration: Collaboration,
    *,
    lang: Language = "en",
    instruments: Mapping[str, Instrument] | None = None,
) -> "Figure":
    """Draw a collaboration's instrument factor scores in each evaluation round, side by side.

    The profile shows, for every factor of the instrument the parties answered
    (the barometer's goal clarity, equality, fitting formalisation, ...), one
    bar per round: the mean of the parties' factor scores, with a line from the
    lowest-scoring party to the highest. A long line marks a factor the parties
    see differently, which the talk and the published instruments treat as a
    finding in itself. The figures are those of
    [`collaboration_trends`][frivillig.collaboration_trends]. Each instrument
    answered gets its own axes; when its factors have different ranges (summed
    scores), they are shown as a share of their range.

    Args:
        collaboration: The collaboration.
        lang: The language of titles, labels and legend: ``"da"`` or ``"en"``.
        instruments: Instruments of your own, by id; built-in ones are found
            without this.

    Returns:
        A matplotlib ``Figure`` with one axes per instrument answered (or one
        axes with a note when no round has instrument answers).

    Raises:
        MissingExtraError: matplotlib is not installed (``pip install 'frivillig[plot]'``).
        ValidationError: ``collaboration`` is not a collaboration, ``lang`` is
            not valid, or a response's answers do not fit its instrument.

    Examples:
        >>> import frivillig
        >>> from frivillig import plots
        >>> figure = plots.factor_profile(frivillig.load_example())
        >>> [axes.get_title() for axes in figure.axes]
        ['Collaboration barometer']
    """
    c = _check_collaboration(collaboration)
    language = _check_lang(lang)
    text = _TEXT[language]
    trends = collaboration_trends(c, instruments=instruments)
    by_instrument: dict[str, list[RoundSeries]] = {}
    for series in trends.factors:
        by_instrument.setdefault(series.key.split(":", 1)[0], []).append(series)
    figure = _figure(9.0, 1.0 + 4.0 * max(1, len(by_instrument)))
    figure.suptitle(f"{text['profile']}: {mask_cpr_like(c.title)}")
    if not by_instrument:
        _note(figure.add_subplot(), text["no_factors"])
        return figure
    grid = figure.subplots(len(by_instrument), 1, squeeze=False)
    for row, (instrument_id, group) in enumerate(by_instrument.items()):
        instrument = resolve_instrument(instrument_id, instruments, "$")
        _profile_axes(grid[row][0], instrument, group, language)
    return figure


def _profile_axes(
    axes: "Axes", instrument: Instrument, group: list[RoundSeries], lang: Language
) -> None:
    text = _TEXT[lang]
    rounds = sorted({(p.held_on, p.round_id) for series in group for p in series.points})
    same_range = len({(series.low, series.high) for series in group}) == 1
    low, high = (group[0].low, group[0].high) if same_range else (0.0, 100.0)
    width = 0.8 / len(rounds)
    for number, (held_on, round_id) in enumerate(rounds):
        offsets, means, below, above = [], [], [], []
        for position, series in enumerate(group):
            point = next((p for p in series.points if p.round_id == round_id), None)
            if point is None or point.spread.mean is None:
                continue
            spread = point.spread

            def shown(value: float | None, s: RoundSeries = series) -> float:
                assert value is not None  # noqa: S101 - a point with a mean has all its figures
                return value if same_range else (value - s.low) / (s.high - s.low) * 100

            mean = shown(spread.mean)
            offsets.append(position - 0.4 + width * (number + 0.5))
            means.append(mean)
            below.append(mean - shown(spread.lowest))
            above.append(shown(spread.highest) - mean)
        axes.bar(
            offsets,
            means,
            width=width * 0.9,
            bottom=0,
            yerr=[below, above],
            capsize=3,
            label=mask_cpr_like(f"{round_id} ({text['held']} {held_on.isoformat()})"),
            color=f"C{number % 10}",
            error_kw={"elinewidth": 1.2, "ecolor": "#333333"},
        )
    axes.set_title(instrument.name_da if lang == "da" else instrument.name_en)
    axes.set_xticks(range(len(group)), [_wrapped(series.label(lang)) for series in group])
    axes.set_ylabel(
        text["factor"].format(scale=f"{low:g}-{high:g}") if same_range else text["share"]
    )
    axes.set_ylim(low, high + (high - low) * 0.05)
    axes.grid(axis="y", alpha=0.3)
    axes.set_axisbelow(True)
    axes.legend(title=text["round"], loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small")
    axes.set_xlabel(text["spread"], fontsize="small", color="#555555")


# -- satisfaction ------------------------------------------------------------------------------


def satisfaction_over_time(collaboration: Collaboration, *, lang: Language = "en") -> "Figure":
    """Draw each party's satisfaction with the form of collaboration, round by round.

    One line per party (named by its actor), on the rounds' real dates, and a
    thick dashed line for the mean of the parties: the talk asks the parties
    to evaluate again and again whether the form they chose satisfies *every*
    party, so a party that falls behind should be seen, not averaged away.
    Lines that overlap (parties that gave the same rating) are told apart by
    their markers. The figures are those of
    [`collaboration_trends`][frivillig.collaboration_trends].

    Args:
        collaboration: The collaboration.
        lang: The language of titles, labels and legend: ``"da"`` or ``"en"``.

    Returns:
        A matplotlib ``Figure`` with one axes: the satisfaction scale 1-5
        upwards and the dates of the rounds across (or a note when no round
        has satisfaction ratings).

    Raises:
        MissingExtraError: matplotlib is not installed (``pip install 'frivillig[plot]'``).
        ValidationError: ``collaboration`` is not a collaboration, ``lang`` is
            not valid, or a response's answers do not fit its instrument.

    Examples:
        >>> import frivillig
        >>> from frivillig import plots
        >>> figure = plots.satisfaction_over_time(frivillig.load_example())
        >>> [line.get_label() for line in figure.axes[0].get_lines()][-1]
        'mean of the parties'
    """
    c = _check_collaboration(collaboration)
    language = _check_lang(lang)
    text = _TEXT[language]
    series = collaboration_trends(c).satisfaction
    figure = _figure(9.0, 5.0)
    figure.suptitle(f"{text['satisfaction']}: {mask_cpr_like(c.title)}")
    axes = figure.add_subplot()
    if not series.points:
        _note(axes, text["no_satisfaction"])
        return figure
    names = {
        p.id: mask_cpr_like(f"{p.actor.name} ({p.actor.kind.label(language)})")
        for p in c.participants
    }
    order = [p.id for p in c.participants]
    parties = sorted(
        {party for point in series.points for party in point.by_party}, key=order.index
    )
    day = _day_numbers()
    for number, party in enumerate(parties):
        days = [day(point.held_on) for point in series.points if party in point.by_party]
        values = [point.by_party[party] for point in series.points if party in point.by_party]
        axes.plot(
            days,
            values,
            marker=_MARKERS[number % len(_MARKERS)],
            linestyle=_LINES[number % len(_LINES)],
            markersize=13 - 2 * (number % 4),
            markerfacecolor="none",
            markeredgewidth=2,
            label=_wrapped(names[party], 40),
            color=f"C{number % 10}",
        )
    means = [(day(p.held_on), p.spread.mean) for p in series.points if p.spread.mean is not None]
    axes.plot(
        [x for x, _ in means],
        [y for _, y in means],
        color="black",
        linewidth=2.5,
        linestyle="--",
        label=text["mean"],
    )
    axes.set_ylim(0.8, 5.2)
    axes.set_yticks([1, 2, 3, 4, 5])
    axes.set_ylabel(text["satisfaction_axis"])
    axes.set_xlabel(text["round"])
    _date_ticks(axes, [(point.held_on, point.round_id) for point in series.points], day)
    axes.grid(alpha=0.3)
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small")
    return figure


def _day_numbers() -> Callable[[dt.date], float]:
    """Matplotlib's number for a date, so the time axis keeps the real gaps between rounds."""
    dates = importlib.import_module("matplotlib.dates")
    return lambda day: float(dates.date2num(day))


def _date_ticks(
    axes: "Axes", rounds: list[tuple[dt.date, str]], day: Callable[[dt.date], float]
) -> None:
    """Mark each round on the time axis with its id and date, or let a long series breathe."""
    first, last = rounds[0][0], rounds[-1][0]
    margin = max(14, (last - first).days // 12)
    axes.set_xlim(day(first) - margin, day(last) + margin)
    axes.xaxis_date()
    if len(rounds) <= 8:
        axes.set_xticks(
            [day(held_on) for held_on, _ in rounds],
            [f"{round_id}\n{held_on.isoformat()}" for held_on, round_id in rounds],
        )
    else:
        axes.tick_params(axis="x", labelrotation=30)


# -- findings ----------------------------------------------------------------------------------


def findings_by_rule(
    items: Report | Collaboration | Portfolio | Iterable[Report | Collaboration | Portfolio],
    *,
    today: dt.date | None = None,
    lang: Language = "en",
    rulebook: Rulebook | None = None,
    settings: CheckSettings | None = None,
) -> "Figure":
    """Draw how many findings each rule made across a portfolio, stacked by severity.

    One horizontal bar per rule that found something, its code and name beside
    it, split into errors, warnings and advice in the colours of
    [`SEVERITY_COLOURS`][frivillig.plots.SEVERITY_COLOURS], with the count at
    its end: the picture of a portfolio a city council or a steering group can
    read at a glance. Collaborations are checked with [`check`][frivillig.check]
    as of ``today``; reports already made are counted as they are.

    Args:
        items: Collaborations, portfolios or [`Report`][frivillig.Report]s, or
            an iterable of them (read once, lazily).
        today: The day to check on; needed when ``items`` holds collaborations.
        lang: The language of titles, labels and legend: ``"da"`` or ``"en"``.
        rulebook: The rules to run; the default rulebook when ``None``.
        settings: Thresholds to use instead of the rulebook's own.

    Returns:
        A matplotlib ``Figure`` with one axes: the rules downwards in the order
        of their codes, the number of findings across (or a note when there is
        no finding).

    Raises:
        MissingExtraError: matplotlib is not installed (``pip install 'frivillig[plot]'``).
        ValidationError: as [`finding_records`][frivillig.records.finding_records].

    Examples:
        >>> import datetime as dt
        >>> from frivillig import plots, synthetic
        >>> portfolio = synthetic.generate_portfolio(seed=1, size=40)
        >>> figure = plots.findings_by_rule(portfolio, today=dt.date(2026, 10, 1))
        >>> figure.axes[0].get_xlabel()
        'Findings'
    """
    language = _check_lang(lang)
    if today is not None:
        today = require_date(today)
    book, chosen = _check_rulebook(rulebook, settings)
    titles = _rule_titles(book, language)
    text = _TEXT[language]
    counts: dict[str, dict[Severity, int]] = {}
    names: dict[str, str] = {}
    checked = 0
    whole = False
    days: set[dt.date] = set()
    for report, _ in _reports(items, today, book, chosen):
        checked += 1
        whole = whole or report.subject_type == "portfolio"
        days.add(report.today)
        for finding in report.findings:
            names[finding.code] = titles.get(finding.code, finding.name)
            per_rule = counts.setdefault(finding.code, dict.fromkeys(Severity, 0))
            per_rule[finding.severity] += 1
    codes = sorted(counts)
    figure = _figure(10.0, 1.6 + 0.45 * max(len(codes), 3))
    figure.suptitle(text["findings"])
    axes = figure.add_subplot()
    if days:
        day = ", ".join(sorted(d.isoformat() for d in days))
        key = "checked_on" if whole else "checked_one" if checked == 1 else "checked"
        axes.set_title(text[key].format(count=checked, day=day), fontsize="medium")
    if not codes:
        _note(axes, text["no_findings"])
        return figure
    positions = range(len(codes))
    left = [0] * len(codes)
    for severity in sorted(Severity, reverse=True):
        widths = [counts[code][severity] for code in codes]
        if not any(widths):
            continue
        axes.barh(
            positions,
            widths,
            left=left,
            color=SEVERITY_COLOURS[severity],
            label=severity.label(language),
            edgecolor="white",
        )
        left = [a + b for a, b in zip(left, widths, strict=True)]
    for position, total in zip(positions, left, strict=True):
        axes.annotate(
            str(total),
            xy=(total, position),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize="small",
        )
    axes.set_yticks(list(positions), [f"{code} {names[code]}" for code in codes])
    axes.invert_yaxis()
    axes.set_xlabel(text["count"])
    axes.set_xlim(0, max(left) * 1.1 + 1)
    axes.xaxis.get_major_locator().set_params(integer=True)  # type: ignore[call-arg]
    axes.grid(axis="x", alpha=0.3)
    axes.set_axisbelow(True)
    axes.legend(loc="lower right")
    return figure
