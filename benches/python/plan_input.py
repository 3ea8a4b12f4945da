"""Time how the Python binding reads dicts: a plan (the example, and one with
1,005 goals) through validate_plan, whose result ([] for a valid plan) costs
nothing to convert, and a lint context dict. Prints microseconds per call,
best of 7 runs.

Run with a release build of the wheel (see benches/README.md):
    target/venv-bench/bin/python benches/python/plan_input.py
"""

import copy
import json
import timeit
from pathlib import Path

import careerplan

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "data" / "plan.json"


def best(call, number: int) -> float:
    return min(timeit.repeat(call, number=number, repeat=7)) / number * 1e6


def main() -> None:
    plan = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    big = copy.deepcopy(plan)
    for i in range(200):
        for goal in plan["goals"]:
            big["goals"].append({**goal, "id": f"{goal['id']}-{i}", "parent_id": None})
    text = json.dumps(plan)
    context = {"today": "2026-11-22", "deadline": "2027-05-22", "horizon": "short",
               "linked_values": ["growth"]}
    print(f"validate_plan(example as dict)    {best(lambda: careerplan.validate_plan(plan), 500):9.1f} us")
    print(f"validate_plan(example as JSON)    {best(lambda: careerplan.validate_plan(text), 500):9.1f} us")
    print(f"validate_plan(1,005 goals, dict)  {best(lambda: careerplan.validate_plan(big), 20):9.1f} us")
    print(f"lint_goal(text, context=dict)     "
          f"{best(lambda: careerplan.lint_goal('Grow.', context=context), 2000):9.1f} us")


if __name__ == "__main__":
    main()
