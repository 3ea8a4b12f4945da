"""careerplan: strategic career planning, backed by a Rust core.

Plans are JSON text or plain dicts; results are plain data typed by the
``TypedDict`` s in :mod:`careerplan.types`. Every error is a
:class:`CareerPlanError` with ``code``, ``path`` and ``message``.

>>> import careerplan
>>> plan = careerplan.load_plan('{"schema_version": 1, "id": "p", "goals": []}')
>>> plan["id"]
'p'
"""

from careerplan._careerplan import *  # noqa: F403 (the native module's __all__)
from careerplan._careerplan import __version__ as __version__
from careerplan.types import *  # noqa: F403

import collections.abc as _abc

# LintReports implements the sequence protocol natively; registering makes
# isinstance(reports, collections.abc.Sequence) true as well.
_abc.Sequence.register(LintReports)  # noqa: F405
