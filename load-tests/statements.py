"""What a window of a load test cost PostgreSQL, statement by statement, per successful hold, from pg_stat_statements
   (reset by run.sh before the window):
   python3 load-tests/statements.py <postgres port> <the simulation's figures (JSON)> <title>  >> report.md
   Prints a Markdown table of statements per hold by component (which part of the design sent them), and the
   statements themselves with their calls and PostgreSQL's own time per hold."""
import csv
import io
import json
import re
import subprocess
import sys

port, figures_file, title = sys.argv[1], sys.argv[2], sys.argv[3]
holds = json.load(open(figures_file))["holds"]

# the first component whose pattern the statement matches is the one that sent it
COMPONENTS = [
    ("the load test's own counter", r"pg_stat_database|pg_stat_statements"),
    ("baseline: seats and reservations", r"baseline_"),
    ("command: idempotency look-up and record (placed_reservation)", r"placed_reservation"),
    ("command: events appended", r"insert into domain_event_entry"),
    ("command: aggregates loaded (one stream each)", r"from domain_event_entry.*aggregate_identifier"),
    ("processors: events fetched", r"from domain_event_entry"),
    ("processors: tokens claimed and stored", r"token_entry"),
    ("catalog projection (seat_state, views)", r"seat_state|event_view|venue_view"),
    ("reservation view", r"reservation_view|ticket_view|refund_view"),
    ("payment saga: look-ups", r"select .*association_value_entry"),
    ("payment saga: saga and association written", r"saga_entry|association_value_entry"),
    ("deadlines and tasks (db-scheduler)", r"scheduled_tasks"),
    ("dead letters", r"dead_letter"),
    ("transaction control (begin, commit, savepoints)", r"^(begin|commit|rollback|savepoint|release|set )"),
    ("other", r""),
]

query = ("COPY (SELECT calls, total_exec_time, regexp_replace(query, '\\s+', ' ', 'g') FROM pg_stat_statements s "
         "JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = 'postgres' ORDER BY calls DESC) TO STDOUT WITH CSV")
rows = list(csv.reader(io.StringIO(subprocess.run(
    ["psql", "-q", "-h", "localhost", "-p", port, "-U", "postgres", "-c", query],
    check=True, capture_output=True, text=True).stdout)))

by_component = {name: [0, 0.0] for name, _ in COMPONENTS}
statements = []
for calls, total_ms, text in rows:
    calls, total_ms = int(calls), float(total_ms)
    component = next(name for name, pattern in COMPONENTS if re.search(pattern, text.strip().lower()))
    by_component[component][0] += calls
    by_component[component][1] += total_ms
    statements.append((calls, total_ms, component, text))

counted = [(name, calls, ms) for name, (calls, ms) in by_component.items()
           if calls and name != "the load test's own counter"]
print(f"\n### Statements per successful hold: {title} ({holds} holds, pg_stat_statements)\n")
print("| component | statements per hold | PostgreSQL time per hold (ms) |")
print("|---|---|---|")
for name, calls, ms in counted:
    print(f"| {name} | {calls / holds:.2f} | {ms / holds:.3f} |")
print(f"| **all** | **{sum(c for _, c, _ in counted) / holds:.2f}** | **{sum(m for _, _, m in counted) / holds:.3f}** |")
print("\n<details><summary>the statements</summary>\n")
print("| per hold | ms per hold | component | statement |")
print("|---|---|---|---|")
for calls, total_ms, component, text in statements:
    if calls / holds >= 0.01 and component != "the load test's own counter":
        shown = text if len(text) <= 160 else text[:157] + "..."
        print(f"| {calls / holds:.2f} | {total_ms / holds:.3f} | {component} | `{shown.replace('|', '/')}` |")
print("\n</details>")
