"""Apache Spark: careerplan's batch functions on DataFrames.

Each function takes a DataFrame and returns one, computed with
``DataFrame.mapInArrow`` by :mod:`careerplan.arrow` on the executors: Arrow
record batches in and out, no Python object per row. The result keeps the
input columns (the big JSON or list column is dropped where a row becomes
many) and a row id, so it joins back to the input; a row that cannot be
computed has an ``error`` struct (``code``, ``path``, ``message``) and nulls.

- :func:`lint_goals`: the SMART linter over a text column.
- :func:`readiness`: readiness of people for the roles of a catalog
  (``top_k`` per person by default; ``wide``; ``long``).
- :func:`review_agenda`: the review agenda of plans stored as JSON text.

The columns each adds are exported as a ``pyarrow.Schema``
(:func:`lint_schema`, :func:`readiness_schema`, :func:`agenda_schema`) and
as a Spark DDL string (:func:`lint_ddl`, :func:`readiness_ddl`,
:func:`agenda_ddl`).

Install with the ``spark`` extra (``pip install careerplan[spark]``, which
adds pyarrow); PySpark comes from the platform. Supported: Spark 3.5 and 4.x.

Threads: the core spreads a batch over every core with rayon, and Spark
already runs one task per core, so every function here takes ``threads``,
default 1 (one thread per task). Raise it only when executors run fewer
tasks than they have cores (``spark.task.cpus`` > 1).

Executors build their linter and catalog once per Python worker, from the
plain data (configuration dict, catalog JSON) the closure carries, not once
per batch.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from typing import Any, Callable, Iterator, Literal, Mapping, Optional, TypeVar, Union

import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]

import careerplan
from careerplan import arrow as _arrow
from careerplan.types import AgendaOptions, LintConfig, RankOptions

# A pyspark.sql.DataFrame (PySpark comes from the platform, so it is not a
# dependency, and its types are not needed to use this module).
DataFrame = Any

__all__ = [
    "lint_goals",
    "readiness",
    "review_agenda",
    "lint_schema",
    "lint_ddl",
    "readiness_schema",
    "readiness_ddl",
    "agenda_schema",
    "agenda_ddl",
    "spark_ddl",
]

DateLike = Union[datetime.date, str]

# ---- schemas ----------------------------------------------------------------


def lint_schema(*, diagnostics: bool = False) -> pa.Schema:
    """The columns :func:`lint_goals` adds (those of ``arrow.lint_batch``)."""
    return pa.schema(_arrow.lint_schema(diagnostics=diagnostics))


def lint_ddl(*, diagnostics: bool = False) -> str:
    """:func:`lint_schema` as a Spark DDL string."""
    return spark_ddl(lint_schema(diagnostics=diagnostics))


def readiness_schema(
    *,
    layout: Literal["top_k", "wide", "long"] = "top_k",
    catalog: Optional[careerplan.RoleCatalog] = None,
    options: Optional[RankOptions] = None,
) -> pa.Schema:
    """The columns :func:`readiness` adds for ``layout`` (without
    ``person_id``, which the input has; ``long`` also without ``row``)."""
    schema = pa.schema(_arrow.readiness_schema(layout=layout, catalog=catalog, options=options))
    for name in ("person_id", "row"):
        if name in schema.names:
            schema = schema.remove(schema.get_field_index(name))
    return schema


def readiness_ddl(
    *,
    layout: Literal["top_k", "wide", "long"] = "top_k",
    catalog: Optional[careerplan.RoleCatalog] = None,
    options: Optional[RankOptions] = None,
) -> str:
    """:func:`readiness_schema` as a Spark DDL string."""
    return spark_ddl(readiness_schema(layout=layout, catalog=catalog, options=options))


def agenda_schema() -> pa.Schema:
    """The columns :func:`review_agenda` adds (``arrow.agenda_batch``'s
    without ``row``)."""
    schema = pa.schema(_arrow.agenda_schema())
    return schema.remove(schema.get_field_index("row"))


def agenda_ddl() -> str:
    """:func:`agenda_schema` as a Spark DDL string."""
    return spark_ddl(agenda_schema())


def _quote(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def _spark_type(t: pa.DataType) -> str:
    simple = [
        (pa.types.is_boolean, "BOOLEAN"),
        (pa.types.is_int8, "TINYINT"),
        (pa.types.is_int16, "SMALLINT"),
        (pa.types.is_int32, "INT"),
        (pa.types.is_int64, "BIGINT"),
        (pa.types.is_float32, "FLOAT"),
        (pa.types.is_float64, "DOUBLE"),
        (pa.types.is_date32, "DATE"),
        (pa.types.is_string, "STRING"),
        (pa.types.is_large_string, "STRING"),
    ]
    for test, name in simple:
        if test(t):
            return name
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        return f"ARRAY<{_spark_type(t.value_type)}>"
    if pa.types.is_struct(t):
        fields = ", ".join(f"{_quote(f.name)}: {_spark_type(f.type)}" for f in t)
        return f"STRUCT<{fields}>"
    raise TypeError(f"no Spark type for Arrow type {t}")


def spark_ddl(schema: pa.Schema) -> str:
    """A pyarrow schema of careerplan's output types as a Spark DDL string
    (``deadline DATE, specific_met BOOLEAN, ...``), names quoted with
    backticks (O*NET role ids such as ``11-1011.00`` contain dots)."""
    return ", ".join(f"{_quote(f.name)} {_spark_type(f.type)}" for f in schema)


# ---- executors --------------------------------------------------------------

T = TypeVar("T")

# Per Python worker: linters and catalogs by the hash of the plain data they
# were built from. Spark reuses its Python workers (spark.python.worker.reuse,
# on by default), so a worker builds each once, not once per batch or task.
_WORKER_CACHE: dict[tuple[str, str], Any] = {}


def _cached(kind: str, data: str, make: Callable[[], T]) -> T:
    key = (kind, hashlib.sha256(data.encode("utf-8")).hexdigest())
    found = _WORKER_CACHE.get(key)
    if found is None:
        found = make()
        _WORKER_CACHE[key] = found
    return found  # type: ignore[no-any-return,unused-ignore]


def _date_text(d: Optional[DateLike], name: str) -> Optional[str]:
    if d is None or isinstance(d, str):
        return d
    if isinstance(d, datetime.datetime):
        raise TypeError(f"{name}: expected a datetime.date or a 'YYYY-MM-DD' string, got a datetime")
    return d.isoformat()


def _json(data: Optional[Mapping[str, Any]]) -> Optional[str]:
    """Options as JSON text for the closure (dates as ``YYYY-MM-DD``)."""
    if data is None:
        return None

    def plain(value: object) -> str:
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return value.isoformat()
        raise TypeError(f"cannot send {type(value).__name__} to the executors")

    return json.dumps(data, default=plain)


def _with_row_id(df: DataFrame, row_id: Optional[str]) -> DataFrame:
    """``df`` with a row id column: the caller's (kept as it is) when it has
    one of that name, else ``monotonically_increasing_id()``, which is
    unique and, for the same input partitions, the same on every run."""
    if row_id is None or row_id in df.columns:
        return df
    from pyspark.sql import functions as F  # type: ignore[import-not-found,unused-ignore]

    return df.withColumn(row_id, F.monotonically_increasing_id())


def _output_schema(df: DataFrame, keep: list[str], added: pa.Schema) -> Any:
    from pyspark.sql.pandas.types import from_arrow_schema  # type: ignore[import-not-found,unused-ignore]
    from pyspark.sql.types import StructType  # type: ignore[import-not-found,unused-ignore]

    clash = [n for n in added.names if n in keep]
    if clash:
        raise ValueError(f"the input already has columns named {clash}; rename them first")
    fields = [df.schema[name] for name in keep] + list(from_arrow_schema(added).fields)
    return StructType(fields)


def _column(batch: pa.RecordBatch, name: str) -> pa.Array:
    return batch.column(batch.schema.get_field_index(name))


def _require(df: DataFrame, *names: str) -> None:
    missing = [n for n in names if n not in df.columns]
    if missing:
        raise ValueError(f"no column {missing[0]!r} in the DataFrame (columns: {df.columns})")


# ---- the functions ------------------------------------------------------------


def lint_goals(
    df: DataFrame,
    text_col: str = "goal",
    *,
    today: Optional[DateLike] = None,
    config: Optional[LintConfig] = None,
    diagnostics: bool = False,
    row_id: Optional[str] = "row_id",
    threads: int = 1,
) -> DataFrame:
    """Lint the goal statements in ``text_col``: the input columns, then
    ``row_id`` (see below), then the columns of :func:`lint_schema` (a
    verdict and score per criterion, ``deadline``, ``codes``, optionally
    ``diagnostics``, and ``error``), one row per input row.

    ``config`` (a LintConfig dict) is checked here, on the driver; ``today``
    fixes the reference date (default: the config's, else each executor's
    current UTC date, so pass it for reproducible results). ``row_id``
    names a column to add with ``monotonically_increasing_id()`` (kept as is
    when the input already has it; None adds none).
    """
    _require(df, text_col)
    config_json = json.dumps(careerplan.Linter(config).config)
    today_text = _date_text(today, "today")
    df = _with_row_id(df, row_id)
    keep = list(df.columns)
    added = lint_schema(diagnostics=diagnostics)
    schema = _output_schema(df, keep, added)

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        linter = _cached("linter", config_json, lambda: careerplan.Linter(json.loads(config_json)))
        for batch in batches:
            out = pa.record_batch(
                _arrow.lint_batch(
                    _column(batch, text_col),
                    today=today_text,
                    linter=linter,
                    diagnostics=diagnostics,
                    threads=threads,
                )
            )
            yield pa.RecordBatch.from_arrays(
                [_column(batch, n) for n in keep] + out.columns,
                names=keep + out.schema.names,
            )

    return df.mapInArrow(run, schema)


def readiness(
    people_df: DataFrame,
    catalog: Optional[careerplan.RoleCatalog] = None,
    *,
    id_col: str = "person_id",
    skills_col: str = "skills",
    layout: Literal["top_k", "wide", "long"] = "top_k",
    k: Optional[int] = None,
    min_readiness: Optional[float] = None,
    options: Optional[RankOptions] = None,
    row_id: Optional[str] = "row_id",
    threads: int = 1,
) -> DataFrame:
    """Readiness of every person for the roles of ``catalog`` (default: the
    built-in catalog), as ``arrow.readiness_batch`` computes it.

    ``id_col`` is a string column, ``skills_col`` an
    ``array<struct<skill: string, level: double, scale: string>>`` column.
    ``top_k`` (default) and ``wide`` give one row per person: the input
    columns, ``row_id``, then :func:`readiness_schema`'s columns
    (``top_roles``, or one column per role: quote O*NET ids in backticks,
    ``col("`11-1011.00`")``). ``long`` gives one row per (person, role) at or
    above ``min_readiness``: the input columns but ``skills_col``,
    ``row_id``, ``role_id``, ``readiness``, ``error``.

    The catalog travels to the executors as its JSON text (Spark broadcasts
    a large closure once) and is compiled once per Python worker; with
    ``options`` it is compiled for every batch, so prefer a catalog whose
    own scales and aliases say what the options would.
    """
    _require(people_df, id_col, skills_col)
    if catalog is None:
        catalog = careerplan.builtin_roles()
    catalog_json = catalog.to_json()
    options_json = _json(options)
    # Check the arguments on the driver, on no rows.
    added = readiness_schema(layout=layout, catalog=catalog, options=options)
    _arrow.readiness_batch(
        pa.array([], pa.string()),
        pa.array([], pa.list_(pa.struct([("skill", pa.string()), ("level", pa.float64())]))),
        catalog=catalog,
        layout=layout,
        k=k,
        min_readiness=min_readiness,
        options=options,
    )
    df = _with_row_id(people_df, row_id)
    keep = [c for c in df.columns if layout != "long" or c != skills_col]
    schema = _output_schema(df, keep, added)

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        roles = _cached("catalog", catalog_json, lambda: careerplan.RoleCatalog.from_json(catalog_json))
        opts = json.loads(options_json) if options_json is not None else None
        for batch in batches:
            out = pa.record_batch(
                _arrow.readiness_batch(
                    _column(batch, id_col),
                    _column(batch, skills_col),
                    catalog=roles,
                    layout=layout,
                    k=k,
                    min_readiness=min_readiness,
                    options=opts,
                    threads=threads,
                )
            )
            if layout == "long":
                rows = _column(out, "row")
                inputs = [_column(batch, n).take(rows) for n in keep]
            else:
                inputs = [_column(batch, n) for n in keep]
            results = [n for n in out.schema.names if n not in ("person_id", "row")]
            yield pa.RecordBatch.from_arrays(
                inputs + [_column(out, n) for n in results],
                names=keep + results,
            )

    return df.mapInArrow(run, schema)


def review_agenda(
    plans_df: DataFrame,
    from_date: DateLike,
    to_date: DateLike,
    *,
    plan_col: str = "plan",
    options: Optional[AgendaOptions] = None,
    row_id: Optional[str] = "row_id",
    threads: int = 1,
) -> DataFrame:
    """The review agenda of every plan in ``plan_col`` (JSON text) from
    ``from_date`` to ``to_date``: one row per event, with the input columns
    but ``plan_col``, ``row_id``, then :func:`agenda_schema`'s columns
    (``plan_id``, ``date``, ``kind``, ``subject_id``, ``title``,
    ``error``). A plan without events in the window has no rows; one that
    cannot be read has one row with its ``error``.
    """
    _require(plans_df, plan_col)
    start = _date_text(from_date, "from_date") or ""
    end = _date_text(to_date, "to_date") or ""
    options_json = _json(options)
    # Check the window and options on the driver, on an empty plan: the
    # executors would otherwise give every row the same error.
    careerplan.agenda({"schema_version": careerplan.SCHEMA_VERSION, "id": "-"}, start, end, options)
    df = _with_row_id(plans_df, row_id)
    keep = [c for c in df.columns if c != plan_col]
    added = agenda_schema()
    schema = _output_schema(df, keep, added)

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        opts = json.loads(options_json) if options_json is not None else None
        for batch in batches:
            out = pa.record_batch(
                _arrow.agenda_batch(
                    _column(batch, plan_col), start, end, options=opts, threads=threads
                )
            )
            rows = _column(out, "row")
            results = [n for n in out.schema.names if n != "row"]
            yield pa.RecordBatch.from_arrays(
                [_column(batch, n).take(rows) for n in keep] + [_column(out, n) for n in results],
                names=keep + results,
            )

    return df.mapInArrow(run, schema)
