"""frivillig: collaboration between Danish municipalities and civil society, as typed data.

The library models how a municipality (kommune) works together with voluntary
organisations, volunteers, private actors and citizens (frivillighed,
samskabelse): the actors, the collaboration, its goals, tasks, formalisation,
lifecycle and evaluation, with a strict JSON form. Everything a caller needs is
importable from the top-level package:

>>> import frivillig
>>> collaboration = frivillig.load_example()
>>> collaboration.formalisation.label("da")
'samarbejdsaftale med en forening'
"""

from ._actors import (
    Actor,
    ActorKind,
    CitizenGroup,
    Municipality,
    PrivateCompany,
    PublicInstitution,
    Sector,
    VoluntaryOrganisation,
    VolunteerCentre,
    VolunteerCouncil,
)
from ._collaboration import (
    AgreementDocument,
    Collaboration,
    Forum,
    GovernanceMode,
    LifecycleStatus,
    ManagementTask,
    Purpose,
    ValueCase,
    VolunteerModel,
    WelfareRole,
)
from ._evaluation import Decision, DyadicRating, EvaluationPlan, EvaluationRound, Response
from ._examples import example_names, load_example
from ._formalisation import CollaborationLevel, FormalisationLevel
from ._frozenmap import FrozenMap
from ._goals import Agreement, Goal, GoalStatus, Indicator, Wish
from ._integrity import integrity_problems, is_valid, validate
from ._labels import LabelledEnum, Language, OrderedLabelledEnum
from ._lifecycle import ALLOWED_TRANSITIONS, transition, transition_problems
from ._municipalities import (
    MunicipalityInfo,
    Region,
    RegionMembership,
    get_municipality,
    municipalities,
    regions,
)
from ._participation import Participant, ParticipantRole, Readiness, Resource
from ._policy import PolicyProcess, VolunteerPolicy
from ._portfolio import Portfolio
from ._tasks import ReservedKind, Task, TaskKind
from ._version import __version__
from ._volunteers import (
    AgeBand,
    Attachment,
    ChildCertificateCheck,
    Engagement,
    Remuneration,
    Volunteer,
    VolunteerFunction,
    is_personal,
)
from .errors import (
    FrivilligError,
    FrivilligWarning,
    Problem,
    SchemaVersionError,
    TransitionError,
    ValidationError,
)
from .serialization import SCHEMA_VERSION, dump, dumps, from_dict, load, loads, to_dict

__all__ = [
    "ALLOWED_TRANSITIONS",
    "SCHEMA_VERSION",
    "Actor",
    "ActorKind",
    "AgeBand",
    "Agreement",
    "AgreementDocument",
    "Attachment",
    "ChildCertificateCheck",
    "CitizenGroup",
    "Collaboration",
    "CollaborationLevel",
    "Decision",
    "DyadicRating",
    "Engagement",
    "EvaluationPlan",
    "EvaluationRound",
    "FormalisationLevel",
    "Forum",
    "FrivilligError",
    "FrivilligWarning",
    "FrozenMap",
    "Goal",
    "GoalStatus",
    "GovernanceMode",
    "Indicator",
    "LabelledEnum",
    "Language",
    "LifecycleStatus",
    "ManagementTask",
    "Municipality",
    "MunicipalityInfo",
    "OrderedLabelledEnum",
    "Participant",
    "ParticipantRole",
    "PolicyProcess",
    "Portfolio",
    "PrivateCompany",
    "Problem",
    "PublicInstitution",
    "Purpose",
    "Readiness",
    "Region",
    "RegionMembership",
    "Remuneration",
    "ReservedKind",
    "Resource",
    "Response",
    "SchemaVersionError",
    "Sector",
    "Task",
    "TaskKind",
    "TransitionError",
    "ValidationError",
    "ValueCase",
    "VoluntaryOrganisation",
    "Volunteer",
    "VolunteerCentre",
    "VolunteerCouncil",
    "VolunteerFunction",
    "VolunteerModel",
    "VolunteerPolicy",
    "WelfareRole",
    "Wish",
    "__version__",
    "dump",
    "dumps",
    "example_names",
    "from_dict",
    "get_municipality",
    "integrity_problems",
    "is_personal",
    "is_valid",
    "load",
    "load_example",
    "loads",
    "municipalities",
    "regions",
    "to_dict",
    "transition",
    "transition_problems",
    "validate",
]
