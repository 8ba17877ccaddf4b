"""The ``plot`` command: a figure of a collaboration or of the findings, saved to a file."""

import argparse
from collections.abc import Iterable
from typing import TextIO

from .. import records
from .._core.files import replacing_binary
from .._core.labels import Language
from .._model.collaboration import Collaboration
from .documents import (
    _collaborations,
    _outcome,
    _today,
)
from .output import _cannot_write, _overwrites_input
from .text import _TEXT, EXIT_PROBLEMS, EXIT_USAGE

# -- plot ------------------------------------------------------------------------------------

PLOT_SUFFIXES = (".png", ".svg", ".pdf")
PLOTS = ("factor-profile", "satisfaction", "findings")


def _plot(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .. import plots

    lang: Language = args.lang
    t = _TEXT[lang]
    if args.output.suffix.lower() not in PLOT_SUFFIXES:
        print(
            f"frivillig plot: cannot save a figure as {args.output.name!r}; "
            f"end the file name in {', '.join(PLOT_SUFFIXES)}",
            file=err,
        )
        return EXIT_USAGE
    if _overwrites_input("plot", args, err):
        return EXIT_USAGE
    found = _collaborations(args, err)
    if found is None:
        return EXIT_PROBLEMS
    collaborations, report, source = found
    try:
        if args.kind == "findings":
            figure = plots.findings_by_rule(collaborations, today=_today(args), lang=lang)
        else:
            chosen = _chosen(collaborations, args, source, err)
            if chosen is None:
                return EXIT_PROBLEMS
            draw = (
                plots.factor_profile
                if args.kind == "factor-profile"
                else plots.satisfaction_over_time
            )
            figure = draw(chosen, lang=lang)
    except records.MissingExtraError as error:
        print(str(error), file=err)
        return EXIT_PROBLEMS
    try:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        with replacing_binary(args.output) as handle:
            figure.savefig(handle, format=args.output.suffix.lower()[1:], dpi=args.dpi)
    except OSError as error:
        return _cannot_write("plot", args.output, error, err)
    print(t["wrote"].format(path=args.output), file=out)
    return _outcome(report, source, lang, err)


def _chosen(
    collaborations: Iterable[Collaboration], args: argparse.Namespace, source: str, err: TextIO
) -> Collaboration | None:
    """The collaboration ``--collaboration`` names, or the first, saying so when there are more.

    Reading stops at the one named, so a large source is not read to its end.
    """
    t = _TEXT[args.lang]
    first: Collaboration | None = None
    count = 0
    for collaboration in collaborations:
        if args.collaboration is not None and collaboration.id == args.collaboration:
            return collaboration
        count += 1
        if first is None:
            first = collaboration
    if args.collaboration is not None:
        print(t["not_found"].format(id=args.collaboration, source=source), file=err)
        return None
    if first is not None and count > 1:
        print(t["first"].format(count=count, source=source, id=first.id), file=err)
    return first
