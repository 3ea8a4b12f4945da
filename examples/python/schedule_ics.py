"""List the example plan's next reviews and write them as an iCalendar file.

Run from the repository root: ``python examples/python/schedule_ics.py [OUT.ics]``
(default: ``careerplan.ics`` in the system's temporary directory).
"""

import datetime
import sys
import tempfile
from pathlib import Path

import careerplan

PLAN = Path(__file__).resolve().parents[1] / "data" / "plan.json"
plan = careerplan.load_plan(PLAN.read_text(encoding="utf-8"))

start = datetime.date(2026, 11, 22)
end = start + datetime.timedelta(days=182)
events = careerplan.agenda(plan, start, end, {"kinds": ["periodic_review", "checkin"]})
for e in events:
    print(e["date"], e["kind"], e["title"])

upcoming = careerplan.next_review(plan, start)  # None when the plan schedules no review
print("next review:", upcoming["date"] if upcoming else "none")

ics = careerplan.to_ics(plan, start, end, {"calendar_name": "My career plan"})
out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.gettempdir()) / "careerplan.ics"
out.write_bytes(ics.encode("utf-8"))  # bytes: keep the CRLF line ends RFC 5545 asks for
print(f"wrote {ics.count('BEGIN:VEVENT')} events to {out}")
