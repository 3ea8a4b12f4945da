"""Arrow batches: careerplan over columns, for data platforms.

Every function here takes Arrow data through the Arrow PyCapsule interface
(any object with ``__arrow_c_array__`` or ``__arrow_c_stream__``: a
``pyarrow.Array``, ``ChunkedArray``, ``RecordBatch`` or ``Table`` of one
column, a ``polars.Series``, ...) and returns an :class:`ArrowBatch`, a
record batch that exports itself the same way, so ``pyarrow.record_batch``,
``pyarrow.table``, ``polars.DataFrame`` and DuckDB read it without copying
and without a Python object per row. This module does not import pyarrow.

Strings may be ``string``, ``large_string`` or ``string_view``. Results use
types Spark reads (``int8`` scores, ``int16`` ranks, ``int64`` row numbers,
``date32`` dates; nothing unsigned or fixed-size). Each row that cannot be
computed (a null, a text over the limit, a level outside its scale, a plan
that does not load) has an ``error`` struct (``code``, ``path``,
``message``) and nulls; the other rows are computed as usual.

``threads`` runs a call on a pool of that many threads (default: every core,
or ``RAYON_NUM_THREADS``); inside a Spark task, 1 is right (see
:mod:`careerplan.spark`).

>>> import pyarrow as pa, careerplan.arrow as ca
>>> out = pa.record_batch(ca.lint_batch(pa.array(["Publish 4 posts by June 2027.", None]), today="2026-11-22"))
>>> out.column("deadline").to_pylist()[0], out.column("time_bound_score").to_pylist()
(datetime.date(2027, 6, 30), [100, None])
>>> out.column("error").to_pylist()[1]["code"]
'invalid-value'
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, Literal, Optional, Union, final

from careerplan import _careerplan

if TYPE_CHECKING:
    from careerplan import Linter, RoleCatalog
    from careerplan.types import AgendaOptions, LintConfig, RankOptions

_native: Any = getattr(_careerplan, "_arrow")

DateLike = Union[datetime.date, str]

if TYPE_CHECKING:

    @final
    class ArrowBatch:
        """A record batch made by careerplan (see the module docs)."""

        @property
        def num_rows(self) -> int: ...
        @property
        def column_names(self) -> list[str]: ...
        def __len__(self) -> int: ...
        def __arrow_c_schema__(self) -> object: ...
        def __arrow_c_array__(self, requested_schema: object = None) -> tuple[object, object]: ...
        def __arrow_c_stream__(self, requested_schema: object = None) -> object: ...

    @final
    class ArrowSchema:
        """An output schema; ``pyarrow.schema(s)`` reads it."""

        @property
        def names(self) -> list[str]: ...
        def __arrow_c_schema__(self) -> object: ...

else:
    ArrowBatch = _native.ArrowBatch
    ArrowSchema = _native.ArrowSchema

__all__ = [
    "ArrowBatch",
    "ArrowSchema",
    "lint_batch",
    "lint_schema",
    "readiness_batch",
    "readiness_schema",
    "agenda_batch",
    "agenda_schema",
]


def lint_batch(
    texts: object,
    *,
    today: Optional[DateLike] = None,
    config: Optional[LintConfig] = None,
    linter: Optional[Linter] = None,
    diagnostics: bool = False,
    threads: Optional[int] = None,
) -> ArrowBatch:
    """Lint a column of goal statements, one row per statement, in order.

    Columns: ``deadline`` (date32); per criterion (``specific``,
    ``measurable``, ``achievable``, ``relevant``, ``time_bound``)
    ``<criterion>_met`` (bool, null when not judged) and
    ``<criterion>_score`` (int8, 0-100); ``codes`` (list<string>, the
    diagnostics' codes in text order); with ``diagnostics=True``,
    ``diagnostics`` (list<struct<code, criterion, severity, start: int32,
    end: int32, message>>, UTF-8 byte spans); ``error`` (struct<code, path,
    message>, null for a good row).

    The reports are those of ``lint_many(texts, today, config)``; a null
    text or one over ``limits.max_text_bytes`` is an error row. Pass a
    ``Linter`` (``linter=``) or a LintConfig dict (``config=``), not both.
    """
    return _native.lint_batch(  # type: ignore[no-any-return]
        texts,
        today=today,
        config=config,
        linter=linter,
        diagnostics=diagnostics,
        threads=threads,
    )


def lint_schema(*, diagnostics: bool = False) -> ArrowSchema:
    """The schema of :func:`lint_batch`'s result."""
    return _native.lint_schema(diagnostics=diagnostics)  # type: ignore[no-any-return]


def readiness_batch(
    person_ids: object,
    skills: object,
    *,
    catalog: Optional[RoleCatalog] = None,
    layout: Literal["top_k", "wide", "long"] = "top_k",
    k: Optional[int] = None,
    min_readiness: Optional[float] = None,
    options: Optional[RankOptions] = None,
    threads: Optional[int] = None,
) -> ArrowBatch:
    """Readiness of many people for the roles of ``catalog`` (default: the
    built-in catalog).

    ``person_ids`` is a string column (labels; nulls allowed), ``skills`` a
    ``list<struct<skill: string, level: number, scale: string>>`` column
    (``scale`` optional). ``options`` (RankOptions) as for ``rank_roles``.

    Layouts:

    - ``"top_k"`` (default): one row per person: ``person_id``,
      ``top_roles`` (list<struct<rank: int16, role_id, title, readiness:
      float64, tier, unmet_must_have_count: int32>>, the best ``k`` (default 5)
      as ``rank_roles`` orders them, only those at or above
      ``min_readiness`` when given), ``error``.
    - ``"wide"``: one row per person: ``person_id``, one float32 column per
      role (named by the role id, catalog order), ``error``.
    - ``"long"``: one row per (person, role) at or above ``min_readiness``:
      ``row`` (int64, the person's input row), ``person_id``, ``role_id``,
      ``readiness`` (float32), ``error``.

    A person whose skills cannot be read (a null list, a null skill or
    level) or do not fit the catalog's scales has one row with ``error``
    (``path`` e.g. ``skills[2].level``) and nulls.
    """
    return _native.readiness_batch(  # type: ignore[no-any-return]
        person_ids,
        skills,
        catalog=catalog,
        layout=layout,
        k=k,
        min_readiness=min_readiness,
        options=options,
        threads=threads,
    )


def readiness_schema(
    *,
    layout: Literal["top_k", "wide", "long"] = "top_k",
    catalog: Optional[RoleCatalog] = None,
    options: Optional[RankOptions] = None,
) -> ArrowSchema:
    """The schema of :func:`readiness_batch`'s result (``wide`` names one
    column per role of ``catalog``)."""
    return _native.readiness_schema(  # type: ignore[no-any-return]
        layout=layout, catalog=catalog, options=options
    )


def agenda_batch(
    plans: object,
    from_date: DateLike,
    to_date: DateLike,
    *,
    options: Optional[AgendaOptions] = None,
    threads: Optional[int] = None,
) -> ArrowBatch:
    """The review agenda of a column of plans (JSON text), one row per
    event: ``row`` (int64, the plan's input row), ``plan_id``, ``date``
    (date32), ``kind``, ``subject_id``, ``title``, ``error``.

    The events are those of ``agenda(plan, from_date, to_date, options)``,
    plan after plan. A plan without events in the window has no rows; one
    that cannot be read or scheduled has one row with its ``row``, its
    ``error`` (``path`` inside the plan) and nulls.
    """
    return _native.agenda_batch(  # type: ignore[no-any-return]
        plans, from_date, to_date, options=options, threads=threads
    )


def agenda_schema() -> ArrowSchema:
    """The schema of :func:`agenda_batch`'s result."""
    return _native.agenda_schema()  # type: ignore[no-any-return]
