"""Lint a list of goal statements and print the SMART letters each one misses.

Run from the repository root: ``python examples/python/lint_goals.py``.
"""

import datetime

import careerplan

GOALS = [
    "Try to get better at public speaking soon.",
    "Give 3 talks at local meetups by June 2027.",
    "Earn the PMP certification within six months.",
    "Learn Spanish.",
]

# lint_many lints on all cores with the GIL released; one report per text.
reports = careerplan.lint_many(GOALS, today=datetime.date(2026, 11, 22))
for report in reports:
    c = report["criteria"]
    verdicts = {"S": c["specific"], "M": c["measurable"], "A": c["achievable"],
                "R": c["relevant"], "T": c["time_bound"]}
    # met is None when a criterion cannot be judged (relevance needs a plan).
    missing = "".join(letter for letter, v in verdicts.items() if v["met"] is False)
    print(f"{report['text']!r}: deadline {report['deadline']}, missing {missing or '-'}")
    for d in report["diagnostics"]:
        words = report["text"].encode()[d["span"]["start"]:d["span"]["end"]].decode()
        print(f"    {d['severity']:7} {d['code']}: {words!r}")

# One rule, explained (the same text `careerplan rules vague-outcome` prints).
rule = next(r for r in careerplan.rules() if r["code"] == "vague-outcome")
print(f"{rule['code']}: {rule['summary']}")
