# Stubs of the native extension module built from bindings/python/src/.
# Keep in step with the #[pyfunction]s there; scripts/test checks them with
# `python -m mypy.stubtest careerplan`. The docstrings are not written here:
# bindings/python/sync_stub_docs.py copies them from the compiled module (the
# Rust doc comments), and tests/test_docs.py fails when they differ.

import os
from typing import Any, Dict, List, Literal, Mapping, Optional, Sequence, SupportsIndex, Tuple, Union, final, overload

from careerplan.types import (
    AgendaOptions,
    Context,
    DateInput,
    ErrorItem,
    GoalProgress,
    IcsOptions,
    LintConfig,
    LintReport,
    Plan,
    PlanInput,
    PlanLintReport,
    PlanStatus,
    Problem,
    ProgressOptions,
    Review,
    ReviewEvent,
    RoadmapFormat,
    RoadmapOptions,
    RuleInfo,
)
from careerplan.types import (
    Coverage,
    DraftOptions,
    DraftReport,
    EscoOptions,
    EscoStats,
    GapMatrixDict,
    GapOptions,
    GapReport,
    OnetOptions,
    OnetStats,
    Person,
    PersonInput,
    ProfileInput,
    RankEntry,
    RankOptions,
    ResumeImport,
    ResumeInput,
    ResumeOptions,
    Role,
    RoleCatalogData,
    RoleCatalogDict,
    TransferReport,
)

# pyo3 builds the runtime __all__ from every name the module adds.
__all__ = [
    "__version__",
    "SCHEMA_VERSION",
    "load_plan",
    "dump_plan",
    "validate_plan",
    "agenda",
    "next_review",
    "overdue",
    "to_ics",
    "record_review",
    "progress",
    "plan_status",
    "roadmap",
    "CareerPlanError",
    "InvalidJsonError",
    "InvalidValueError",
    "InvalidDateError",
    "UnsupportedSchemaVersionError",
    "MigrationError",
    "InvalidArgumentError",
]

__version__: str
SCHEMA_VERSION: int

def load_plan(plan: PlanInput) -> Plan:
    """Parse a plan and bring it to the current schema version.

    `plan` is JSON text or a dict. Returns the canonical plan as plain data:
    documents from older schema versions are migrated, and fields careerplan
    does not know are kept unchanged.

    Raises InvalidJsonError, InvalidValueError (InvalidDateError for an
    impossible date), UnsupportedSchemaVersionError or MigrationError, each
    with the `path` of the offending field.
    """

def dump_plan(plan: PlanInput) -> str:
    """Write a plan as canonical, pretty-printed JSON (two-space indent,
    trailing newline).

    `plan` is a dict (or JSON text); it is read exactly as by `load_plan`, so
    a value that does not fit the model raises instead of being written.
    """

def validate_plan(plan: PlanInput) -> List[Problem]:
    """Check the rules that span a plan's entities and return every problem.

    `plan` is JSON text or a dict. Each problem is a dict with `code` (stable,
    e.g. `dangling-reference`), `severity` (`error` or `warning`), `path`
    (e.g. `goals[2].deadline`) and `message`. An empty list means the plan is
    valid. A plan that cannot be read at all raises, as `load_plan` does.
    """

def agenda(
    plan: PlanInput,
    from_date: DateInput,
    to_date: DateInput,
    options: Optional[AgendaOptions] = None,
) -> List[ReviewEvent]:
    """The plan's events from `from_date` to `to_date` (both included), sorted
    by date and deduplicated per subject per day.

    Each event is a dict with `date` (`YYYY-MM-DD`), `kind`
    (`periodic_review`, `checkin`, `goal_deadline`, ...), `subject_id` (the
    plan, goal, action or contact), `title` and `prompts` (reflection
    questions). `options` (AgendaOptions) may set `today` (the day goal status
    is judged on, for the reviews of goals at risk; default `from_date`),
    `kinds`, `prompts` and `progress` thresholds.

    Raises InvalidDateError for a bad date (path `from_date`, `to_date`, or
    the option's path), InvalidArgumentError when the window ends before it
    starts (path `from`) or for bad thresholds, InvalidValueError for an
    unknown option, and the errors of `load_plan`.
    """

def next_review(
    plan: PlanInput, today: DateInput, options: Optional[AgendaOptions] = None
) -> Optional[ReviewEvent]:
    """The first review (periodic, ad-hoc, at-risk, midpoint or check-in) on or
    after `today`, or None when the plan schedules none.

    The event has the shape of `agenda`'s; `options` as for `agenda`.
    """

def overdue(
    plan: PlanInput, today: DateInput, options: Optional[AgendaOptions] = None
) -> List[ReviewEvent]:
    """What is overdue on `today`: open goals and actions past their deadline,
    contact follow-ups that have passed, and reviews scheduled since the
    latest recorded review that were not held.

    One event per subject and kind, dated when it first fell due, sorted by
    date; `options` as for `agenda`.
    """

def to_ics(
    plan: PlanInput,
    from_date: DateInput,
    to_date: DateInput,
    options: Optional[IcsOptions] = None,
) -> str:
    """The agenda from `from_date` to `to_date` as an iCalendar (RFC 5545) file.

    All-day events with stable UIDs, one VEVENT with an RRULE per periodic
    series, VTODOs for actions; any RFC 5545 reader expands it to the dates
    `agenda` gives. `options` (IcsOptions) may set `agenda` (AgendaOptions),
    `dtstamp` (RFC 3339; default the plan's `updated` or `created` instant,
    so the same plan gives the same file), `alarm_days_before` and
    `calendar_name`. Raises as `agenda` does.
    """

def record_review(plan: PlanInput, review: Union[Review, Mapping[str, Any]]) -> Plan:
    """Append a review to the plan's history, apply the changes it records, and
    return the updated plan (the argument is left alone).

    `review` is a dict with `id` (`""` to have one made from the date),
    `date`, and optional `answers`, `progress` (filled with every goal's
    progress when empty), `changes` (`deadline_moved`, `goal_abandoned`,
    `goal_completed`, `goal_added`, `priority_changed`, `aspiration_changed`,
    `other`) and `notes`.

    Raises InvalidValueError with the path of the bad field: inside the
    review (`review.changes[0].goal_id`) or, for a change that would make the
    plan invalid, the plan's path (`goals[2].deadline`).
    """

def progress(plan: PlanInput) -> List[GoalProgress]:
    """Every goal's progress, in document order: dicts with `goal_id`,
    `percent` (0 to 100) and `source` (`done`, `metric`, `actions`,
    `children` or `none`: the first of these that applies).
    """

def plan_status(
    plan: PlanInput, today: DateInput, options: Optional[ProgressOptions] = None
) -> PlanStatus:
    """Where the plan stands on `today`: every goal's progress and on-track
    status (`ahead`, `on_track`, `at_risk`, `off_track`, `overdue`, `done`,
    `abandoned`, `unscheduled`) with the numbers behind it, counts per status
    and horizon, the next deadlines, overdue actions and the achievements of
    the period.

    `options` (ProgressOptions) may set the thresholds `ahead_points`,
    `at_risk_points`, `off_track_points`, and `next_deadlines`,
    `period_days`; bad thresholds raise InvalidArgumentError.
    """

def roadmap(
    plan: PlanInput,
    today: DateInput,
    format: Union[RoadmapFormat, Literal["md"]],
    options: Optional[RoadmapOptions] = None,
) -> str:
    """The plan's roadmap as of `today`, as text: `format` is `"markdown"` (a
    table per horizon), `"mermaid"` (a `gantt` chart) or `"svg"` (a
    self-contained timeline).

    `options` (RoadmapOptions) may set `progress` thresholds, the SVG `width`
    (at least 600 pixels) and the `title`. An unknown format raises
    InvalidValueError (path `format`).
    """

class CareerPlanError(Exception):
    """Base class of every careerplan error.

    Attributes: `code` (stable kebab-case code), `path` (JSON path of the
    bad field, '' for the whole input) and `message` (without the path).
    """

    code: str
    """Stable kebab-case code, e.g. ``"invalid-date"``; ``"internal-error"`` for a bug."""
    path: str
    """JSON path of the offending field, ``""`` when it concerns the whole input."""
    message: str
    """What is wrong, without the path."""

class InvalidJsonError(CareerPlanError):
    """The input is not well-formed JSON (code `invalid-json`)."""
class InvalidValueError(CareerPlanError):
    """Well-formed input whose content does not fit the model (code `invalid-value`)."""
class InvalidDateError(InvalidValueError):
    """A date that is malformed or does not exist, e.g. 2027-02-30 (code `invalid-date`)."""
class UnsupportedSchemaVersionError(CareerPlanError):
    """The document was written by a newer careerplan (code `unsupported-schema-version`)."""
class MigrationError(CareerPlanError):
    """An older document could not be migrated (code `migration-failed`)."""
class InvalidArgumentError(CareerPlanError):
    """An argument (not a document field) is invalid (code `invalid-argument`)."""

# --- SMART linter -----------------------------------------------------------

__all__ += ["lint_goal", "lint_many", "lint_plan", "rules", "Linter", "LintReports"]

def lint_goal(
    text: str,
    today: Optional[DateInput] = None,
    context: Optional[Context] = None,
    config: Optional[LintConfig] = None,
) -> LintReport:
    """Lint one goal statement: a verdict per SMART criterion and diagnostics.

    `today` (a `datetime.date` or a `YYYY-MM-DD` str) is the date deadlines
    resolve against (default: the config's `today`, else the current UTC
    date). `context` is what is known around the goal (its `deadline` field,
    `horizon`, `metric`, linked `values`, ...); without it, `relevant` is not
    judged (`met` is None). `config` turns rules on and off, changes
    severities and thresholds.

    Returns the report as a dict: `text`, `deadline`, `criteria`,
    `diagnostics` (byte spans into `text`) and `time_expressions`.

    Raises InvalidValueError (InvalidDateError for a bad date) with the path
    of a bad `config` or `context` field, e.g. `rules.vage-outcome`.
    """

def lint_many(
    texts: Sequence[str],
    today: Optional[DateInput] = None,
    config: Optional[LintConfig] = None,
    *,
    errors: Literal["raise", "item"] = "raise",
) -> LintReports:
    """Lint many goal statements at once; one report per text, in order.

    The same reports as `[lint_goal(t, today, config=config) for t in
    texts]`, but the GIL is released, the statements are linted on all
    cores, and the result is a `LintReports` sequence whose items become
    dicts when read (`to_list()` for a plain list).

    `errors` says what a text over `limits.max_text_bytes` does: `"raise"`
    (the default) raises LimitExceededError (path `texts[i]`, the first
    such text) and returns nothing; `"item"` puts
    `{"error": {"code", "message", "path", "limit"}}` in that text's place and
    lints the others.
    """

def lint_plan(
    plan: PlanInput,
    today: Optional[DateInput] = None,
    config: Optional[LintConfig] = None,
) -> PlanLintReport:
    """Lint every goal of a plan with its context (deadline field, metric,
    horizon, links, actions), then the plan as a whole (too many active
    goals, long-term goals without short-term steps, goals without actions,
    duplicates).

    `plan` is JSON text or a dict, read as by `load_plan`. Returns a dict with
    `goals` (one report per goal, with its `goal_id` and `path`) and
    `findings` (plan-level diagnostics).
    """

def rules() -> List[RuleInfo]:
    """The linter's rules: code, criterion, default severity, scope, summary,
    message and suggestion templates, explanation, and a bad and a good
    example.
    """

@final
class Linter:
    """A SMART-goal linter with its configuration parsed and checked once.

    `config` is a LintConfig dict (None: the defaults). Raises
    InvalidValueError with the path of a bad setting, e.g.
    `rules.vage-outcome`. Safe to share between threads.
    """

    def __new__(cls, config: Optional[LintConfig] = None) -> Linter: ...
    @property
    def config(self) -> LintConfig:
        """The configuration, as a LintConfig dict with every field."""
    def lint(
        self,
        text: str,
        today: Optional[DateInput] = None,
        context: Optional[Context] = None,
    ) -> LintReport:
        """Lint one goal statement, as `lint_goal` does."""
    def lint_many(
        self,
        texts: Sequence[str],
        today: Optional[DateInput] = None,
        *,
        errors: Literal["raise", "item"] = "raise",
    ) -> LintReports:
        """Lint many goal statements on all cores with the GIL released, as
        `lint_many` does (`errors`: `"raise"` or `"item"`).
        """
    def lint_plan(self, plan: PlanInput) -> PlanLintReport:
        """Lint a plan, as `lint_plan` does; the reference date is the config's
        `today` (else the current UTC date).
        """

@final
class LintReports(Sequence[LintReport]):
    """The reports of `lint_many`, one per statement, in input order: a
    read-only sequence of LintReport dicts (`len`, indexing, slicing,
    iteration, `==` with a list of reports).

    The reports stay in Rust until they are read: an item becomes a dict the
    first time it is read, and is that same dict afterwards. Linting a batch
    therefore costs what the core's linting costs, and a caller pays for
    the conversion of the reports it looks at only (a dict per report costs
    about as much as linting the statement). `to_list()` converts them all,
    e.g. for `json.dumps`; `scores()` and `deadlines()` read columns without
    making whole reports.
    """

    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, key: SupportsIndex, /) -> LintReport: ...
    @overload
    def __getitem__(self, key: slice, /) -> List[LintReport]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def to_list(self) -> List[LintReport]:
        """Every report as a dict, in a new list."""
    def scores(self) -> Dict[str, List[Optional[int]]]:
        """The score (0-100) of every report on each criterion: a dict from
        criterion (`specific`, ..., `time_bound`) to a list in report order
        (None for an error item).
        """
    def deadlines(self) -> List[Optional[str]]:
        """The deadline of every report (`YYYY-MM-DD`, or None), in report order."""
    def errors(self) -> Dict[int, ErrorItem]:
        """The error items (`{"error": {...}}`) of texts that failed, by index,
        with `errors="item"`; an empty dict when every text was linted.
        """

class InvalidTableError(CareerPlanError):
    """A row of a tab-separated data file, such as O*NET's Skills.txt, does not fit its layout
    (code `invalid-table`; `path` is `file:line`, e.g. `Skills.txt:1042`).
    """

class LimitExceededError(CareerPlanError):
    """The input or the work asked for exceeds a configured limit, e.g. a document nested
    deeper than `max_depth` (code `limit-exceeded`; the message names the limit).
    """

# ---- skills -------------------------------------------------------------------

__all__ += [
    "RoleCatalog",
    "GapMatrix",
    "Team",
    "builtin_roles",
    "skill_gap",
    "rank_roles",
    "transferable_skills",
    "gap_matrix",
    "profile_from_json_resume",
    "catalog_coverage",
    "InvalidTableError",
    "LimitExceededError",
]

_CatalogArg = Union["RoleCatalog", RoleCatalogData, None]

@final
class RoleCatalog:
    """A catalog of roles and the scales and aliases they use: the built-in
    starter catalog (`builtin_roles()`), one read from JSON
    (`RoleCatalog.from_json`, or `RoleCatalog(data)`), O*NET's occupations
    (`RoleCatalog.from_onet`) or ESCO's (`RoleCatalog.from_esco`).

    Pass it as `catalog=` to `skill_gap`, `rank_roles`, `transferable_skills`,
    `gap_matrix` and `draft_plan`. It is immutable, and compiled for ranking once, on first
    use, so rankings and matrices over a large catalog do not redo that work
    (calls with non-default `options` compile it for that call). A catalog is
    checked when it is first used: a bad field raises with its path, e.g.
    `roles[3].requirements[0].scale`.
    """

    def __new__(cls, catalog: RoleCatalogData, *, onet_stats: Optional[OnetStats] = None) -> RoleCatalog: ...
    @staticmethod
    def from_json(catalog: RoleCatalogData) -> RoleCatalog:
        """Read a catalog from JSON text, a dict `{"roles": [...], "scales":
        [...], "aliases": {...}, "attribution": ...}` or a bare list of roles
        (what `careerplan roles --format json` prints).

        Raises InvalidJsonError or InvalidValueError with the path of the bad
        field (`roles[3].requirements[0].level`).
        """

    @staticmethod
    def from_onet(
        directory: Union[str, os.PathLike[str]],
        options: Optional[OnetOptions] = None,
        knowledge: bool = True,
    ) -> RoleCatalog:
        """Import O*NET's occupations from the database files in `directory`:
        `Skills.txt`, `Knowledge.txt` (unless `knowledge` is False), titles
        from `Occupation Data.txt`, and the version for the attribution from
        `ONET_Read_Me.txt` (unless `options["version"]` is set). Files that
        are absent are skipped; at least one ratings file must be there.

        One role per occupation, id the O*NET-SOC code (`11-1011.00`): level
        is O*NET's LV on `onet-level-0-7`, importance its IM (1-5), and
        importance of 4 or more makes a must-have. `options` (OnetOptions) may
        set `version`, `not_relevant` and `recommend_suppress` (`"drop"` or
        `"keep"`; by default Not Relevant ratings are dropped, suppressed ones
        kept and marked `low_precision`), `must_have_importance` and
        `descriptions`. Every role, and every result derived from them,
        carries O*NET's attribution. What the import did is in `onet_stats`.

        Raises FileNotFoundError when the directory has neither ratings file,
        OSError when a file cannot be read, InvalidTableError (path
        `Skills.txt:LINE`) for a row that does not fit O*NET's layout.
        """

    @staticmethod
    def from_esco(
        occupations: Union[str, os.PathLike[str]],
        skills: Optional[str] = None,
        relations: Optional[str] = None,
        options: Optional[EscoOptions] = None,
    ) -> RoleCatalog:
        """Import ESCO's occupations from its CSV download: either the text of
        the three files, `from_esco(occupations, skills, relations)`
        (`occupations_<lang>.csv`, `skills_<lang>.csv`,
        `occupationSkillRelations_<lang>.csv`, any language), or a directory
        holding them, `from_esco(directory)` (the language is found from the
        file names).

        One role per occupation with skills, id the UUID at the end of its
        URI, `external_id` the URI, `family` its ISCO-08 group. Essential
        skills are must-haves (importance 4), optional ones nice-to-haves
        (importance 2); skill URIs are kept as `external_id`, alternative
        labels become aliases. ESCO has no levels: every requirement is level
        3 ("competent") on `dreyfus-5` unless `options` (EscoOptions) sets
        `level` and `scale`; it may also set `essential_importance`,
        `optional_importance`, `optional` (False: essential skills only),
        `descriptions`, `aliases`, `version` and `language`. Every role
        carries ESCO's attribution. What the import did is in `esco_stats`.

        Raises TypeError when only some of the three texts are given,
        FileNotFoundError when the directory has no ESCO files, OSError when
        a file cannot be read, InvalidTableError (path `<file>:LINE`) for a
        row that does not fit ESCO's layout.
        """
    @property
    def esco_stats(self) -> Optional[EscoStats]:
        """For a catalog from `from_esco`, the counts of the import (rows,
        occupations, requirements, essential and optional links, aliases,
        relations left out, ...); otherwise None.
        """
    @property
    def roles(self) -> List[Role]:
        """The roles, as dicts (a new list on every access)."""

    @property
    def name(self) -> Optional[str]:
        """The catalog's name, if it has one."""
    @property
    def attribution(self) -> Optional[str]:
        """The attribution the catalog's data source requires (O*NET's), if any."""
    @property
    def onet_stats(self) -> Optional[OnetStats]:
        """For a catalog from `from_onet`, the counts of the import (rows,
        occupations, requirements, flagged ratings dropped or kept, ...);
        otherwise None.
        """

    def role(self, role_id: str) -> Role:
        """The role with this id, as a dict. Raises InvalidArgumentError (path
        `role`, naming close ids) when there is none.
        """

    def to_dict(self) -> RoleCatalogDict:
        """The whole catalog as a dict, the shape `from_json` reads."""
    def to_json(self) -> str:
        """The catalog as pretty JSON text (trailing newline)."""
    def __len__(self) -> int: ...

@final
class GapMatrix:
    """Readiness of every person for every role, as `gap_matrix` returns it.

    `readiness` is a read-only `memoryview` of 32-bit floats (format `'f'`),
    row-major: person `p`'s readiness for role `r` is at `p * len(role_ids) +
    r`. NumPy reads it without a copy:
    `numpy.frombuffer(m.readiness, numpy.float32).reshape(m.shape)`.
    `get(p, r)` and `row(p)` read single cells and rows; `to_dict()` gives the
    JSON shape (`readiness` as one list per person).
    """

    @property
    def person_ids(self) -> List[str]:
        """The people's ids, in input order (a plan's id; `""` for a profile)."""
    @property
    def role_ids(self) -> List[str]:
        """The roles' ids, in catalog order."""
    @property
    def attribution(self) -> Optional[str]:
        """The catalog's attribution (O*NET's), if it requires one."""
    @property
    def shape(self) -> Tuple[int, int]:
        """`(number of people, number of roles)`."""

    @property
    def readiness(self) -> memoryview:
        """Every cell, row-major, as a read-only memoryview of float32."""

    def get(self, person: int, role: int) -> float:
        """Readiness of person `person` for role `role` (indices into
        `person_ids` and `role_ids`). Raises IndexError out of range.
        """
    def row(self, person: int) -> List[float]:
        """One person's readiness for every role, in `role_ids` order. Raises
        IndexError out of range.
        """
    def to_dict(self) -> GapMatrixDict:
        """The matrix as plain data in its JSON shape: `person_ids`, `role_ids`,
        `readiness` (one list per person) and `attribution` when required.
        """
    def __len__(self) -> int: ...

@final
class Team:
    """People read once for repeated team views: `Team(people)` takes what
    `gap_matrix` takes (plans, `Person` dicts or profiles, as dicts or JSON
    text) and keeps them as the core's people, so `gap_matrix(team,
    catalog)` starts from them as a Rust program would, without reading the
    dicts again.

    Raises InvalidValueError with the path of a bad field (`people[12].id`);
    levels are checked against the scales of the catalog they meet, so
    `gap_matrix` reports a bad level (`people[12].skills[3].level`).
    """

    def __new__(cls, people: Sequence[PersonInput]) -> Team: ...
    @property
    def person_ids(self) -> List[str]:
        """The people's ids, in input order (a plan's id; `""` for a profile)."""
    def to_list(self) -> List[Person]:
        """The people as `Person` dicts (`id`, `name`, `skills`)."""
    def __len__(self) -> int: ...

def builtin_roles() -> RoleCatalog:
    """The built-in starter catalog: 30 illustrative roles written for
    careerplan (project manager and senior project manager, team lead,
    engineering manager, data analyst and scientist, security analyst, UX
    designer, product manager, registered and charge nurse, HR business
    partner, marketing manager, ...). The same object on every call.
    """

def skill_gap(
    plan_or_profile: ProfileInput,
    role: Union[str, Role],
    options: Optional[GapOptions] = None,
    *,
    catalog: _CatalogArg = None,
) -> GapReport:
    """Compare a person with a role: per requirement the current and required
    level (on the role's scale and normalised to 0..1), gap, weight,
    contribution, priority and estimated hours; the weighted readiness (0 to
    1, the sum of the contributions), tier, unmet must-haves, strengths,
    unmatched skills and total hours.

    `plan_or_profile` is a plan, a profile or a person (JSON text or a dict).
    `role` is a role id, looked up in `catalog` (a RoleCatalog, or the
    built-in catalog when None), or a role dict (then `catalog` must be None).
    `options` (GapOptions) may set `scales`, `aliases`, `hours_per_step`
    (default 40), `today` and `max_assessment_age_days` (stale assessments
    lower `confidence`), `tiers` and a `learning` catalog of activities.

    Raises InvalidArgumentError (path `role`) for an unknown role id or bad
    options, InvalidValueError with the path of a bad field
    (`profile.skills[2].scale`, `roles[4].requirements[0].level`).
    """

def rank_roles(
    plan_or_profile: ProfileInput,
    catalog: _CatalogArg = None,
    top_k: Optional[int] = None,
    options: Optional[RankOptions] = None,
) -> List[RankEntry]:
    """Score every role of `catalog` (the built-in catalog when None) for a
    person and order them, best first: dicts with `role_id`, `title`,
    `readiness` (six decimals), `tier` (`ready_now`, `within_a_year`,
    `stretch`, `aspirational`), `rank` (1 first), `unmet_must_haves` and,
    for O*NET roles, `attribution`. Ties are broken by role id. `top_k` keeps
    the first k. `options` (RankOptions) may set `scales`, `aliases` and
    `tiers`.

    Raises InvalidValueError with the path of a bad assessment
    (`profile.skills[1].level`) or catalog field.
    """

def catalog_coverage(
    plan_or_profile: ProfileInput,
    catalog: _CatalogArg = None,
) -> Coverage:
    """How much of a person's profile the roles of `catalog` (the built-in
    catalog when None) cover: a dict with `skills` (the profile's distinct
    skills), `covered` (skills some role requires under their own name),
    `via_crosswalk` (skills an O*NET catalog reaches only through careerplan's
    crosswalk to O*NET elements), `uncovered` (skills no role can count),
    `share` (0 to 1), `low` (below 0.5) and, when low, a `warning`. Call it
    next to `rank_roles`: a ranking that rests on a small share of the
    profile says little.
    """

def transferable_skills(
    plan_or_profile: ProfileInput,
    from_role: Union[str, Role],
    to_role: Union[str, Role],
    options: Optional[GapOptions] = None,
    *,
    catalog: _CatalogArg = None,
) -> TransferReport:
    """What carries over in a career change from `from_role` to `to_role`:
    readiness for the target from the profile alone and when credited with
    the old role's requirements, the transferable skills (source `profile`,
    `from_role` or `both`, whether each covers the target's level), their
    share of the target's importance, and the new skills to learn.

    Both roles are ids looked up in `catalog` (the built-in catalog when
    None), or both are role dicts (then `catalog` must be None). `options`
    as for `skill_gap`. Raises InvalidArgumentError (path `from_role` or
    `to_role`) for an unknown id.
    """

def gap_matrix(
    people: Union[Team, Sequence[PersonInput]],
    catalog: _CatalogArg = None,
    options: Optional[RankOptions] = None,
) -> GapMatrix:
    """Readiness of every person for every role of `catalog` (the built-in
    catalog when None), computed on all cores with the GIL released.

    `people` is a `Team`, or a list of plans, `Person` dicts (`{"id",
    "name", "skills"}`) or profiles, each a dict or JSON text. Each cell is the readiness
    `rank_roles` gives (before its rounding to six decimals). Returns a
    GapMatrix; `options` (RankOptions) as for `rank_roles`.

    Raises InvalidValueError with the path of a bad assessment
    (`people[12].skills[3].level`).
    """

def profile_from_json_resume(
    resume: ResumeInput, options: Optional[ResumeOptions] = None
) -> ResumeImport:
    """Read the `skills` of a JSON Resume document (text or dict) into profile
    skill assessments: each entry's `level` word ("Beginner", "Intermediate",
    "Advanced", "Master", ...) through a level lexicon, its `keywords` at the
    same level.

    Returns `profile` (with the imported skills), the resume's `name` and
    `label`, and `issues`: every entry left out, with its `path`
    (`skills[2].level`), `kind` (`unknown_level`, `missing_level`,
    `empty_name`, `duplicate`), `skill` and `level`; unknown level words are
    reported, never guessed. `options` (ResumeOptions) may set `levels`
    (extra words), a replacement `lexicon`, `scales`, `keywords`,
    `default_level` and `assessed_on`.
    """

__all__ += ["draft_plan"]

def draft_plan(
    plan: PlanInput,
    role: str,
    options: Optional[DraftOptions] = None,
    *,
    catalog: _CatalogArg = None,
) -> DraftReport:
    """Draft a development plan for `role` (an id of `catalog`, the built-in
    catalog when None; a `RoleCatalog` from `from_json`, `from_onet` or
    `from_esco`) into `plan` (JSON text or a dict).

    Returns a dict: `plan` (the plan with the drafted goals, actions and, if
    it had none, a review policy; the plan's own entities and unknown fields
    unchanged), `role_id`, `role_title`, `readiness`, `role_goal_id`,
    `added_goals`, `added_actions`, `review_policy_added`, `linked` (gaps the
    plan's goals already cover), `deferred` (gaps beyond `max_goals`),
    `drafted` (each drafted goal with its dates, hours, horizon and `lint`
    report) and `feasibility` (`feasible`, `fits_by`, `deadline`,
    `needed_hours_per_week`, `message`). Drafting the result again adds
    nothing.

    `options` (DraftOptions) may set `start` (default: today),
    `hours_per_week` (5), `buffer` (0.25), `max_parallel_goals` (2),
    `max_skills_per_goal` (2), `max_goals` (8 open goals under the role goal), `min_goal_weeks` (6),
    `target_date`, `review_cadence` (quarterly), `checkin_days_before`
    (`[14]`), `gap` (GapOptions: `hours_per_step`, a `learning` catalog, ...)
    and `id_prefix` ("draft").

    Raises InvalidArgumentError for an unknown role (path `role`) or a bad
    option (`options.hours_per_week`), InvalidValueError with the path of a
    bad plan or catalog field.
    """
