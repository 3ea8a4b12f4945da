"""Load the example plan, validate it and print one line per goal.

Run from the repository root: ``python examples/python/quickstart.py``.
"""

import datetime
from pathlib import Path

import careerplan

PLAN = Path(__file__).resolve().parents[1] / "data" / "plan.json"

plan = careerplan.load_plan(PLAN.read_text(encoding="utf-8"))  # a plain dict
problems = careerplan.validate_plan(plan)
print(f"plan {plan['id']}: {len(plan['goals'])} goals, {len(problems)} problems")

# Dates are datetime.date objects or "YYYY-MM-DD" strings, also inside dicts.
status = careerplan.plan_status(plan, datetime.date(2026, 11, 22))
for goal in status["goals"]:
    print(f"- {goal['title']} ({goal['deadline'] or 'no deadline'}): {goal['status']}")

# A problem comes back as data, with a stable code and the JSON path to fix.
new_goal = {"id": "g-new", "title": "Mentor a junior PM",
            "parent_id": "g-missing", "deadline": datetime.date(2027, 6, 30)}
draft = {**plan, "goals": [*plan["goals"], new_goal]}
for p in careerplan.validate_plan(draft):
    print(f"{p['severity']} {p['path']}: {p['code']}")
