"""Compare the example plan's profile with a role, then rank every built-in role.

Run from the repository root: ``python examples/python/skill_gap.py``.
"""

import datetime
from pathlib import Path

import careerplan

PLAN = Path(__file__).resolve().parents[1] / "data" / "plan.json"
plan = careerplan.load_plan(PLAN.read_text(encoding="utf-8"))

# `today` marks assessments older than a year as stale (lower confidence).
report = careerplan.skill_gap(plan, "senior-project-manager",
                              {"today": datetime.date(2026, 11, 22)})
print(f"{report['title']}: readiness {report['readiness']:.0%}, tier {report['tier']}")
for s in report["skills"]:
    if not s["met"]:
        current = "not assessed" if s["current"] is None else s["current"]
        print(f"  #{s['priority']} {s['skill']}: {current} -> {s['required']} ({s['hours']:.0f} h)")
print(f"  total: {report['total_hours']:.0f} hours")

print("closest roles:")
for entry in careerplan.rank_roles(plan, top_k=5):
    print(f"  {entry['rank']}. {entry['title']} ({entry['readiness']:.2f}, {entry['tier']})")
