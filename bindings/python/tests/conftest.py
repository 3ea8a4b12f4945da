import copy
import json
from pathlib import Path
from typing import Any, Dict

import pytest

REPO = Path(__file__).resolve().parents[3]
EXAMPLE_PLAN = REPO / "examples" / "data" / "plan.json"


@pytest.fixture(scope="session")
def example_text() -> str:
    if not EXAMPLE_PLAN.is_file():
        pytest.fail(f"missing example plan: {EXAMPLE_PLAN}")
    return EXAMPLE_PLAN.read_text(encoding="utf-8")


@pytest.fixture
def example(example_text: str) -> Dict[str, Any]:
    """A fresh copy of the example plan as a dict, safe to modify."""
    return copy.deepcopy(json.loads(example_text))
