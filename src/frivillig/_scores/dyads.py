"""Dyadic ratings: how each pair of parties rates their relation, summarised per round.

Ratings on the Levels of Collaboration scale (Frey et al. 2006): the mean level, the
level each party receives, and the pairs that rate each other differently or only one
way. ``trends`` re-exports these names and uses the summaries in a collaboration's trends.
"""

import datetime as dt
import statistics
from collections.abc import Iterable

import attrs

from .._core.arguments import require_language
from .._core.frozenmap import FrozenMap
from .._core.labels import Language
from .._model.evaluation import DyadicRating, EvaluationRound
from .._model.formalisation import CollaborationLevel
from ..errors import Problem, ValidationError

__all__ = ["DyadicPair", "DyadicSummary", "dyadic_summary"]


def _number(value: float | None, lang: Language, digits: int = 2) -> str:
    if value is None:
        return "-"
    shown = f"{value:.{digits}f}"
    return shown.replace(".", ",") if lang == "da" else shown


# -- dyadic ratings --------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class DyadicPair:
    """Two parties and how each rates their relation on the Levels of Collaboration scale.

    Attributes:
        first: The party whose id sorts first.
        second: The other party.
        first_rates_second: How ``first`` rates the relation, if it did.
        second_rates_first: How ``second`` rates it, if it did.
    """

    first: str
    second: str
    first_rates_second: CollaborationLevel | None = None
    second_rates_first: CollaborationLevel | None = None

    @property
    def mutual(self) -> bool:
        """Whether both parties rated the relation."""
        return self.first_rates_second is not None and self.second_rates_first is not None

    @property
    def difference(self) -> int | None:
        """How many levels apart the two ratings are, when both rated."""
        if self.first_rates_second is None or self.second_rates_first is None:
            return None
        return abs(self.first_rates_second.rank - self.second_rates_first.rank)


@attrs.frozen(kw_only=True)
class DyadicSummary:
    """The dyadic ratings of one round, summarised.

    Attributes:
        round_id: The round's id, when summarised from a round.
        held_on: The round's date, when summarised from a round.
        ratings: How many ratings were given.
        mean_level: The mean level (0-5) over every rating, or ``None`` without any.
        received: The mean level each party receives from the others, by party id.
        pairs: Every pair with at least one rating, sorted by ids.
        mismatched: The pairs that rate each other at least ``min_difference``
            levels apart.
        one_sided: The pairs where only one party rated the other.
    """

    round_id: str | None = None
    held_on: dt.date | None = None
    ratings: int
    mean_level: float | None
    received: FrozenMap[str, float]
    pairs: tuple[DyadicPair, ...]
    mismatched: tuple[DyadicPair, ...]
    one_sided: tuple[DyadicPair, ...]

    def to_text(self, lang: Language = "en") -> str:
        """Render the summary for a terminal, in Danish or English."""
        lang = require_language(lang)
        if lang == "da":
            head = f"Samarbejdsniveau (0-5): gns. {_number(self.mean_level, lang)}"
            differ, one = "Parter, der vurderer hinanden forskelligt", "Kun vurderet én vej"
        else:
            head = f"Levels of collaboration (0-5): mean {_number(self.mean_level, lang)}"
            differ, one = "Pairs that rate each other differently", "Rated one way only"
        if self.round_id is not None:
            head += f" ({self.round_id})"
        lines = [head]
        for pair in self.mismatched:
            lines.append(
                f"  {differ}: {pair.first} -> {pair.second} {_level(pair.first_rates_second, lang)}"
                f", {pair.second} -> {pair.first} {_level(pair.second_rates_first, lang)}"
            )
        for pair in self.one_sided:
            lines.append(f"  {one}: {pair.first} / {pair.second}")
        return "\n".join(lines)


def _level(level: CollaborationLevel | None, lang: Language) -> str:
    return "-" if level is None else f"{level.rank} ({level.label(lang)})"


def dyadic_summary(
    ratings: EvaluationRound | Iterable[DyadicRating], *, min_difference: int = 1
) -> DyadicSummary:
    """Summarise dyadic ratings on the Levels of Collaboration scale (Frey et al. 2006).

    Each party may rate its relation to each other party from 0 (no
    interaction) to 5 (collaboration). The summary gives the mean level over
    every rating, the mean level each party receives, and the pairs that rate
    each other differently: by the scale's authors, such asymmetry marks
    something to explore with those partners.

    Args:
        ratings: A round (its ``ratings`` are used) or the ratings themselves.
        min_difference: How many levels apart two ratings must be for the pair
            to count as mismatched (default 1: any difference).

    Returns:
        The summary; the same whatever the order of the ratings.

    Raises:
        ValidationError: ``min_difference`` is not a whole number from 1 to 5,
            or the same party rates the same other party twice.

    Examples:
        >>> import frivillig
        >>> first_round = frivillig.load_example().rounds[0]
        >>> summary = frivillig.dyadic_summary(first_round)
        >>> summary.mean_level  # (3 + 2 + 3 + 3) / 4
        2.75
        >>> [(p.first, p.second, p.difference) for p in summary.mismatched]
        [('besoegsvenner', 'plejecenter', 1)]
    """
    if (
        isinstance(min_difference, bool)
        or not isinstance(min_difference, int)
        or not 1 <= min_difference <= 5
    ):
        raise ValidationError(
            [Problem(path="$", message="'min_difference' must be 1 to 5", code="range")]
        )
    round_id: str | None = None
    held_on: dt.date | None = None
    if isinstance(ratings, EvaluationRound):
        round_id, held_on = ratings.id, ratings.held_on
        ratings = ratings.ratings
    given: dict[tuple[str, str], CollaborationLevel] = {}
    for rating in ratings:
        pair = (rating.rater, rating.ratee)
        if pair in given:
            raise ValidationError(
                [
                    Problem(
                        path="$.ratings",
                        message=f"{pair[0]!r} rates {pair[1]!r} twice",
                        code="duplicate",
                    )
                ]
            )
        given[pair] = rating.level
    levels = sorted(level.rank for level in given.values())
    received_lists: dict[str, list[int]] = {}
    for (_, ratee), level in given.items():
        received_lists.setdefault(ratee, []).append(level.rank)
    pairs = []
    for first, second in sorted({tuple(sorted(pair)) for pair in given}):
        pairs.append(
            DyadicPair(
                first=first,
                second=second,
                first_rates_second=given.get((first, second)),
                second_rates_first=given.get((second, first)),
            )
        )
    return DyadicSummary(
        round_id=round_id,
        held_on=held_on,
        ratings=len(levels),
        mean_level=statistics.fmean(levels) if levels else None,
        received=FrozenMap(
            (party, statistics.fmean(values)) for party, values in sorted(received_lists.items())
        ),
        pairs=tuple(pairs),
        mismatched=tuple(
            pair
            for pair in pairs
            if pair.difference is not None and pair.difference >= min_difference
        ),
        one_sided=tuple(pair for pair in pairs if not pair.mutual),
    )
