"""careerplan: strategic career planning, backed by a Rust core.

Plans are JSON text or plain dicts; results are plain data typed by the
``TypedDict`` s in :mod:`careerplan.types`. Dates are ``datetime.date``
objects or ``"YYYY-MM-DD"`` strings, as arguments and inside dicts. Every
error is a :class:`CareerPlanError` with ``code``, ``path`` and ``message``.

>>> import careerplan
>>> plan = careerplan.load_plan('{"schema_version": 1, "id": "p", "goals": []}')
>>> plan["id"]
'p'
"""

import collections.abc as _abc

from careerplan import _careerplan, types
from careerplan._careerplan import *  # noqa: F403 (the native module's __all__)
from careerplan._careerplan import __version__ as __version__
from careerplan.types import *  # noqa: F403

# The public names: the native module's functions, classes and exceptions,
# and the TypedDicts of careerplan.types.
__all__ = []
__all__ += _careerplan.__all__
__all__ += types.__all__

# LintReports implements the sequence protocol natively; registering makes
# isinstance(reports, collections.abc.Sequence) true as well.
_abc.Sequence.register(LintReports)  # noqa: F405
