"""Formalisation: how formal the collaboration is, from spontaneous help to a paid contract.

The talk: "a very formal collaboration gives transparent frames for the
dialogue; a less formal one gives more flexibility". Danish practice knows an
ordered ladder of forms, and who carries which duty depends on the rung: with
an association, the association recruits and checks certificates; with
individual volunteers, the municipal coordinator does.
"""

from .._core.labels import OrderedLabelledEnum

__all__ = ["CollaborationLevel", "FormalisationLevel"]


class CollaborationLevel(OrderedLabelledEnum):
    """The Levels of Collaboration scale (Frey, Lohmeier, Lee & Tollefson 2006), 0 to 5."""

    NONE = ("none", "intet samarbejde", "no interaction")
    NETWORKING = ("networking", "netværk", "networking")
    COOPERATION = ("cooperation", "samvirke", "cooperation")
    COORDINATION = ("coordination", "koordinering", "coordination")
    COALITION = ("coalition", "koalition", "coalition")
    COLLABORATION = ("collaboration", "samarbejde", "collaboration")


class FormalisationLevel(OrderedLabelledEnum):
    """The ordered forms of a collaboration, as Danish practice has them.

    The two ends are not volunteering: spontaneous help falls outside
    Serviceloven § 18's definition, and a paid contract is procurement.
    Members compare by their order: ``FormalisationLevel.VOLUNTEER_AGREEMENT <
    FormalisationLevel.PARTNERSHIP_AGREEMENT``.
    """

    SPONTANEOUS = ("spontaneous", "spontan hjælp", "spontaneous help")
    AD_HOC_EVENT = (
        "ad_hoc_event",
        "ad hoc-frivillige ved en begivenhed",
        "ad-hoc volunteers at an event",
    )
    VOLUNTEER_AGREEMENT = (
        "volunteer_agreement",
        "frivilligaftale",
        "individual volunteer agreement",
    )
    COLLABORATION_AGREEMENT = (
        "collaboration_agreement",
        "samarbejdsaftale med en forening",
        "collaboration agreement with an association",
    )
    PARTNERSHIP_AGREEMENT = ("partnership_agreement", "partnerskabsaftale", "partnership agreement")
    PAID_CONTRACT = ("paid_contract", "betalt kontrakt", "paid contract")

    @property
    def is_volunteering(self) -> bool:
        """Whether the form is volunteering at all (the two ends are not)."""
        return self not in (FormalisationLevel.SPONTANEOUS, FormalisationLevel.PAID_CONTRACT)

    @property
    def collaboration_level(self) -> CollaborationLevel:
        """The nearest rung on the Levels of Collaboration scale.

        The mapping is the library's reading, not a published crosswalk: an
        event is networking, an individual agreement cooperation, an agreement
        with an association coordination, a partnership collaboration, and a paid
        contract coordination again (defined roles, no shared decisions).
        """
        return _TO_LEVELS[self]


_TO_LEVELS = {
    FormalisationLevel.SPONTANEOUS: CollaborationLevel.NONE,
    FormalisationLevel.AD_HOC_EVENT: CollaborationLevel.NETWORKING,
    FormalisationLevel.VOLUNTEER_AGREEMENT: CollaborationLevel.COOPERATION,
    FormalisationLevel.COLLABORATION_AGREEMENT: CollaborationLevel.COORDINATION,
    FormalisationLevel.PARTNERSHIP_AGREEMENT: CollaborationLevel.COLLABORATION,
    FormalisationLevel.PAID_CONTRACT: CollaborationLevel.COORDINATION,
}
