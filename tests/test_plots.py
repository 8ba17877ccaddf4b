"""Plots: the figures hold the expected axes, series and labels, and save as PNG and SVG."""

import datetime as dt
import importlib
import itertools
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

import frivillig
from frivillig import plots, records, synthetic

pytest.importorskip("matplotlib")

TODAY = dt.date(2026, 10, 1)


def example() -> frivillig.Collaboration:
    return frivillig.load_example()


def bar_containers(axes: Any) -> list[Any]:
    from matplotlib.container import BarContainer

    return [c for c in axes.containers if isinstance(c, BarContainer)]


def errorbar_ends(axes: Any) -> list[list[tuple[float, float]]]:
    """For each round, the lower and upper end of each bar's error line."""
    from matplotlib.container import ErrorbarContainer

    ends = []
    for container in axes.containers:
        if isinstance(container, ErrorbarContainer):
            (lines,) = container.lines[2]
            ends.append([(seg[0][1], seg[1][1]) for seg in lines.get_segments()])
    return ends


# -- factor profile ----------------------------------------------------------------------------


def test_factor_profile_has_one_bar_per_factor_and_round_at_the_parties_mean() -> None:
    figure = plots.factor_profile(example())
    (axes,) = figure.axes
    assert figure.get_suptitle() == "Factor profile: Besøgsvenner på Plejecenter Valmuen"
    assert axes.get_title() == "Collaboration barometer"
    labels = [tick.get_text().replace("\n", " ") for tick in axes.get_xticklabels()]
    assert labels == [
        "Goal clarity",
        "Equality",
        "Fitting formalisation",
        "Satisfaction with the form",
        "Meaning for volunteers",
    ]
    # Two rounds: two bar containers of five bars, labelled with the round and its date.
    legend = [text.get_text() for text in axes.get_legend().get_texts()]
    assert legend == ["2026-q2 (held on 2026-06-03)", "2026-q3 (held on 2026-09-02)"]
    bars = bar_containers(axes)
    assert [len(container) for container in bars] == [5, 5]
    trends = frivillig.collaboration_trends(example())
    for number, container in enumerate(bars):
        heights = [bar.get_height() for bar in container]
        means = [series.points[number].spread.mean for series in trends.factors]
        assert heights == pytest.approx(means)
    # Equality in the first round: mean 3.5, the parties from 2.5 to 4.0 (hand-checked in
    # test_trends); the bars stand on the scale 1-5.
    assert bars[0][1].get_height() == pytest.approx(3.5)
    # ... with a line from the lowest party to the highest.
    (low, high) = errorbar_ends(axes)[0][1]
    assert (low, high) == pytest.approx((2.5, 4.0))
    assert axes.get_ylim()[0] == 1.0
    assert axes.get_ylabel() == "Factor score (1-5)"


def test_factor_profile_in_danish() -> None:
    figure = plots.factor_profile(example(), lang="da")
    (axes,) = figure.axes
    assert figure.get_suptitle().startswith("Faktorprofil: ")
    assert axes.get_title() == "Samarbejdsbarometer"
    assert axes.get_ylabel() == "Faktorscore (1-5)"
    assert "Ligeværd" in [tick.get_text() for tick in axes.get_xticklabels()]
    assert axes.get_legend().get_title().get_text() == "Evalueringsrunde"


def test_factor_profile_without_instrument_answers_says_so() -> None:
    figure = plots.factor_profile(frivillig.load_example("limits_broken"), lang="da")
    (axes,) = figure.axes
    assert [text.get_text() for text in axes.texts] == [
        "Ingen runde har besvarelser af et spørgeskema endnu."
    ]


def test_factor_profile_of_factors_with_different_ranges_shows_shares() -> None:
    # A summed instrument of our own: a factor of 2 items (2-10) and one of 8 (8-40).
    barometer = frivillig.get_instrument("barometer")
    first, *rest = barometer.factors
    summed = attrs.evolve(
        barometer,
        id="summed",
        scoring=attrs.evolve(barometer.scoring, aggregation=frivillig.Aggregation.SUM),
        factors=(first, attrs.evolve(rest[0], items=tuple(i for f in rest for i in f.items))),
    )
    data = frivillig.to_dict(example())
    for round_ in data["rounds"]:
        for response in round_["responses"]:
            response["instrument"] = "summed"
    collaboration = frivillig.loads(json.dumps(data))
    figure = plots.factor_profile(collaboration, instruments={"summed": summed})
    (axes,) = figure.axes
    assert axes.get_ylabel() == "Factor score, share of the scale (%)"
    assert axes.get_ylim()[0] == 0.0
    bars = bar_containers(axes)
    assert [len(container) for container in bars] == [2, 2]
    assert all(0 <= bar.get_height() <= 100 for container in bars for bar in container)
    # Goal clarity in the first round: mean 3.875 of the items, summed 7.75 of 2-10,
    # (7.75 - 2) / 8 = 71.875 % of the scale.
    assert bars[0][0].get_height() == pytest.approx(71.875)


# -- satisfaction ------------------------------------------------------------------------------


def test_satisfaction_over_time_has_a_line_per_party_and_the_mean() -> None:
    figure = plots.satisfaction_over_time(example())
    (axes,) = figure.axes
    lines = axes.get_lines()
    labels = [line.get_label() for line in lines]
    assert labels == [
        "Københavns Kommune (municipality)",
        "Plejecenter Valmuen (public institution)",
        "Besøgsvennerne i Valby (voluntary\norganisation (association))",
        "Frivilligcenter Valby (volunteer centre)",
        "mean of the parties",
    ]
    # The association rated 3 then 4; the mean of the four parties was 3.75 then 4.25.
    assert list(lines[2].get_ydata()) == [3.0, 4.0]
    assert list(lines[-1].get_ydata()) == [3.75, 4.25]
    ticks = [tick.get_text() for tick in axes.get_xticklabels()]
    assert ticks == ["2026-q2\n2026-06-03", "2026-q3\n2026-09-02"]
    assert axes.get_ylabel() == "Satisfaction with the form of collaboration (1-5)"
    assert list(axes.get_yticks()) == [1, 2, 3, 4, 5]


def test_satisfaction_keeps_the_real_gaps_between_rounds() -> None:
    collaboration = synthetic.generate_collaboration(0)
    assert len(collaboration.rounds) == 8
    figure = plots.satisfaction_over_time(collaboration, lang="da")
    (axes,) = figure.axes
    assert axes.get_lines()[-1].get_label() == "parternes gennemsnit"
    x = list(axes.get_lines()[-1].get_xdata())
    days = [r.held_on for r in sorted(collaboration.rounds, key=lambda r: r.held_on)]
    gaps = [b - a for a, b in itertools.pairwise(x)]
    assert gaps == [(b - a).days for a, b in itertools.pairwise(days)]


def test_satisfaction_without_rounds_says_so() -> None:
    collaboration = attrs.evolve(example(), rounds=())
    (axes,) = plots.satisfaction_over_time(collaboration).axes
    assert [text.get_text() for text in axes.texts] == ["No round has satisfaction ratings yet."]


# -- findings ----------------------------------------------------------------------------------


def test_findings_by_rule_stacks_each_rules_findings_by_severity() -> None:
    portfolio = synthetic.generate_portfolio(seed=4, size=60)
    figure = plots.findings_by_rule(portfolio, today=TODAY)
    (axes,) = figure.axes
    rows = list(records.finding_records(portfolio, today=TODAY))
    codes = sorted({row["code"] for row in rows})
    titles = {rule.code: rule.title("en") for rule in frivillig.DEFAULT_RULEBOOK}
    assert [t.get_text() for t in axes.get_yticklabels()] == [
        f"{code} {titles[code]}" for code in codes
    ]
    legend = [text.get_text() for text in axes.get_legend().get_texts()]
    present = [s for s in ("error", "warning", "info") if any(r["severity"] == s for r in rows)]
    assert legend == present
    # The stacked bars of a rule add up to its findings; the count is written at the end.
    totals = {code: sum(row["code"] == code for row in rows) for code in codes}
    widths = dict.fromkeys(codes, 0.0)
    for container in bar_containers(axes):
        for code, bar in zip(codes, container, strict=True):
            widths[code] += bar.get_width()
    assert widths == totals
    assert [text.get_text() for text in axes.texts] == [str(totals[code]) for code in codes]
    assert axes.get_title() == f"60 collaborations checked on {TODAY.isoformat()}"
    assert axes.get_xlabel() == "Findings"
    colours = {
        container.get_label(): container.patches[0].get_facecolor()
        for container in bar_containers(axes)
    }
    from matplotlib.colors import to_rgba

    assert colours["error"] == to_rgba(plots.SEVERITY_COLOURS[frivillig.Severity.ERROR])


def test_findings_by_rule_of_reports_in_danish() -> None:
    broken = frivillig.load_example("limits_broken")
    report = frivillig.check(broken, today=TODAY)
    figure = plots.findings_by_rule([report], lang="da")
    (axes,) = figure.axes
    assert figure.get_suptitle() == "Fund pr. regel og alvor"
    assert axes.get_title() == f"1 samarbejde tjekket den {TODAY.isoformat()}"
    assert "FR101 Frivillige udøver myndighed" in [t.get_text() for t in axes.get_yticklabels()]
    whole = frivillig.check_portfolio(
        frivillig.Portfolio(id="p", title="P", collaborations=(broken,)), today=TODAY
    )
    assert plots.findings_by_rule(whole).axes[0].get_title() == f"checked on {TODAY.isoformat()}"


def test_findings_by_rule_without_findings_says_so() -> None:
    (axes,) = plots.findings_by_rule(example(), today=dt.date(2026, 11, 27)).axes
    assert [text.get_text() for text in axes.texts] == ["No findings: every rule passes."]


# -- saving, errors, the extra -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("draw", "suffix"),
    [
        (lambda: plots.factor_profile(example()), ".png"),
        (lambda: plots.satisfaction_over_time(example(), lang="da"), ".svg"),
        (
            lambda: plots.findings_by_rule(frivillig.load_example("limits_broken"), today=TODAY),
            ".png",
        ),
        (lambda: plots.findings_by_rule([], today=TODAY), ".svg"),
    ],
)
def test_figures_save_as_png_and_svg(tmp_path: Path, draw: object, suffix: str) -> None:
    figure = draw()  # type: ignore[operator]
    path = tmp_path / f"figure{suffix}"
    figure.savefig(path)
    data = path.read_bytes()
    if suffix == ".png":
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
    else:
        assert b"<svg" in data[:1000]


def test_bad_arguments_raise_validation_error() -> None:
    with pytest.raises(frivillig.ArgumentTypeError):  # the caller's mistakes: usage errors
        plots.factor_profile("example")  # type: ignore[arg-type]
    with pytest.raises(frivillig.ArgumentValueError):
        plots.satisfaction_over_time(example(), lang="fr")  # type: ignore[arg-type]
    with pytest.raises(frivillig.ArgumentTypeError):
        plots.findings_by_rule(example())  # no day to check on
    with pytest.raises(frivillig.ArgumentTypeError):
        plots.findings_by_rule(example(), today="2026-10-01")  # type: ignore[arg-type]
    with pytest.raises(frivillig.ArgumentTypeError):
        plots.findings_by_rule(example(), today=TODAY, rulebook="strict")  # type: ignore[arg-type]


def test_without_matplotlib_the_error_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = importlib.import_module

    def without(name: str, package: str | None = None) -> object:
        if name.startswith("matplotlib"):
            raise ModuleNotFoundError(name)
        return real(name, package)

    monkeypatch.setattr(plots.importlib, "import_module", without)
    with pytest.raises(records.MissingExtraError) as caught:
        plots.satisfaction_over_time(example())
    assert "pip install 'frivillig[plot]'" in str(caught.value)


def test_plots_import_matplotlib_late_and_never_pyplot() -> None:
    code = (
        "import sys, frivillig; from frivillig import plots; "
        "assert 'matplotlib' not in sys.modules, 'imported too early'; "
        "plots.factor_profile(frivillig.load_example()).savefig('/dev/null', format='png'); "
        "assert 'matplotlib' in sys.modules; "
        "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot was imported'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
