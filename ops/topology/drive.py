#!/usr/bin/env python3
"""What ops/topology/run.sh asks of the running topology, through its HTTP API and PostgreSQL: Python's standard
library and psql only. Each command prints one JSON object (or one id) for the report.

  drive.py event <base> <admin password> <seats> [waiting-room]   a venue and an event on sale: prints the event id
  drive.py traffic <base> <event> <seconds> <first seat>   fans hold seats one after another from the given seat
                                               number on (an Idempotency-Key each), every hold read back afterwards:
                                               statuses, Retry-After, 2xx lost
  drive.py staleness <edge> <origin> <event> <seconds> <first seat>   hold a seat through the edge, time until the
                                               origin's (replica's) availability shows it
  drive.py origin-requests <admin password> <uri> <node base>...   requests the nodes served for that URI pattern
  drive.py jvm <admin password> <node base>...  heap used and live threads of each node
  drive.py books <base> <admin password> <event> <psql args>...   auditors' verify, paid reservations confirmed,
                                               holds past their end
  drive.py replication <psql args>...          the replica's lag as the primary sees it: one sample
"""
import json
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid


class NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer to count, not one to follow (urllib would turn a POST into a GET of its target)."""

    def redirect_request(self, *args):
        return None


OPENER = urllib.request.build_opener(NoRedirects)


def call(method, url, token=None, body=None, headers=None, timeout=15):
    """(status, headers, parsed JSON or None); a refused connection or timeout is status 0."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    if body is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with OPENER.open(request, timeout=timeout) as response:
            return response.status, dict(response.headers), parse(response.read())
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), parse(error.read())
    except (urllib.error.URLError, TimeoutError, ConnectionError):
        return 0, {}, None


def parse(raw):
    """JSON as parsed; anything else as the start of its text."""
    try:
        return json.loads(raw) if raw else None
    except ValueError:
        return raw[:200].decode(errors="replace")


def token(base, username, password):
    status, _, body = call("POST", base + "/api/auth/token", body={"username": username, "password": password})
    if status != 200:
        sys.exit(f"sign-in of {username} at {base}: {status} {body}")
    return body["token"]


def new_fan(base):
    """A fan account of its own (sign-up signs in): its token."""
    for _ in range(30):
        status, _, body = call("POST", base + "/api/auth/accounts",
                               body={"username": "fan-" + secrets.token_hex(6), "password": secrets.token_urlsafe(18)})
        if status == 201:
            return body["token"]
        time.sleep(1)
    sys.exit(f"no fan account at {base}")


def event(base, admin_password, seats, waiting_room=None):
    admin = token(base, "admin", admin_password)
    per_row = 50
    rows = [{"label": str(r + 1), "seats": [{"number": str(s + 1), "x": float(s), "y": float(r)}
                                            for s in range(min(per_row, seats - r * per_row))]}
            for r in range((seats + per_row - 1) // per_row)]
    status, _, body = call("POST", base + "/api/venues", admin, {
        "name": "Topology hall", "city": "Loopback",
        "sections": [{"id": "A", "name": "Floor", "category": "FLOOR", "rows": rows}]})
    assert status == 201, (status, body)
    venue = body["venueId"]
    request = {"venueId": venue, "name": "Topology night", "startsAt": "2031-06-01T20:00:00Z",
               "prices": {"FLOOR": {"amount": "49.00", "currency": "EUR"}}, "maxTicketsPerFan": 1000}
    if waiting_room:
        request.update({"waitingRoom": True, "maxFansInFlow": 100000})
    status, _, body = call("POST", base + "/api/events", admin, request)
    assert status == 201, (status, body)
    event_id = body["eventId"]
    for _ in range(100):
        if call("GET", f"{base}/api/events/{event_id}/availability")[0] == 200:
            break
        time.sleep(0.1)
    print(event_id)


# a fan may hold up to 1,000 seats of the event (drive.py event): a new fan before that
SEATS_PER_FAN = 900


def seat_ids(first):
    """Seat ids of the event's one section, rows of 50, from seat number `first` on."""
    n = first
    while True:
        yield f"A-{n // 50 + 1}-{n % 50 + 1}"
        n += 1


def traffic(base, event_id, seconds, first_seat):
    """Holds one seat after another for `seconds`; each answer recorded; then every 2xx read back by its fan."""
    statuses, retry_after, held, odd = {}, {"with": 0, "without": 0}, [], []
    seat = seat_ids(first_seat)
    fan = None
    end = time.time() + seconds
    while time.time() < end:
        if len(held) % SEATS_PER_FAN == 0:
            fan = new_fan(base)
        seat_id = next(seat)
        status, headers, body = call("POST", f"{base}/api/events/{event_id}/reservations", fan,
                                     {"seatIds": [seat_id]}, {"Idempotency-Key": str(uuid.uuid4())}, timeout=10)
        statuses[str(status)] = statuses.get(str(status), 0) + 1
        if status == 201:
            held.append((body["reservationId"], fan))
        elif len(odd) < 5:
            odd.append({"status": status, "body": body})
        if status >= 500 or status == 0:
            retry_after["with" if "Retry-After" in headers else "without"] += 1
            time.sleep(0.2)
    time.sleep(3)  # the fans' view follows the commands within 2 s
    lost = [r for r, owner in held if call("GET", f"{base}/api/reservations/{r}", owner)[0] != 200]
    print(json.dumps({"seconds": seconds, "statuses": statuses, "failuresWithRetryAfter": retry_after["with"],
                      "failuresWithoutRetryAfter": retry_after["without"], "held": len(held), "heldLost": len(lost),
                      "otherAnswers": odd}))


def staleness(edge, origin, event_id, seconds, first_seat):
    fan = new_fan(edge)
    delays, missing = [], 0
    seat = seat_ids(first_seat)
    end = time.time() + seconds
    while time.time() < end:
        seat_id = next(seat)
        status, _, _ = call("POST", f"{edge}/api/events/{event_id}/reservations", fan, {"seatIds": [seat_id]})
        if status != 201:
            continue
        held_at = time.time()
        while True:
            _, _, body = call("GET", f"{origin}/api/events/{event_id}/availability")
            if body and seat_id in body.get("held", []):
                delays.append(time.time() - held_at)
                break
            if time.time() - held_at > 10:
                missing += 1
                break
            time.sleep(0.02)
        time.sleep(max(0.0, 1 - (time.time() - held_at)))
    delays.sort()
    print(json.dumps({"probes": len(delays), "notShownWithin10s": missing,
                      "p50Seconds": round(delays[len(delays) // 2], 3) if delays else None,
                      "maxSeconds": round(delays[-1], 3) if delays else None,
                      "over2s": sum(1 for d in delays if d > 2)}))


def metric(base, admin, name, tags=()):
    query = "&".join("tag=" + urllib.parse.quote(t, safe=":") for t in tags)
    status, _, body = call("GET", f"{base}/actuator/metrics/{name}?{query}", admin)
    if status != 200:
        return None
    return {m["statistic"]: m["value"] for m in body["measurements"]}


def origin_requests(admin_password, uri, nodes):
    admin = token(nodes[0], "admin", admin_password)
    counts = {}
    for node in nodes:
        measured = metric(node, admin, "http.server.requests", ["uri:" + uri])
        counts[node] = int(measured["COUNT"]) if measured else 0
    print(json.dumps({"uri": uri, "perNode": counts, "total": sum(counts.values())}))


def jvm(admin_password, nodes):
    """Per node: heap, threads, and its live seat-update streams (open, batches written, slowest pass over them)."""
    admin = token(nodes[0], "admin", admin_password)

    def of(node, name, statistic="VALUE", tags=()):
        return (metric(node, admin, name, tags) or {}).get(statistic)

    print(json.dumps({node: {"heapUsedBytes": of(node, "jvm.memory.used", tags=["area:heap"]),
                             "liveThreads": of(node, "jvm.threads.live"),
                             "streams": of(node, "boxoffice.seat-updates.streams"),
                             "batchesSent": of(node, "boxoffice.seat-updates.sent", "COUNT"),
                             "slowestFlushSeconds": of(node, "boxoffice.seat-updates.flush", "MAX")}
                      for node in nodes}))


def psql(args, sql):
    return subprocess.run(["psql", "-XAtq", *args, "-c", sql], check=True, capture_output=True,
                          text=True).stdout.strip()


def books(base, admin_password, event_id, psql_args):
    admin = token(base, "admin", admin_password)
    status, _, report = call("POST", f"{base}/api/audit/events/{event_id}/verify", admin, timeout=120)
    # a payment the gateway took is a confirmed reservation, unless it came after the hold ended (then refunded)
    unconfirmed = None
    for _ in range(30):
        unconfirmed = int(psql(psql_args, f"""
            SELECT count(*) FROM sandbox_payment p JOIN reservation_view r USING (reservation_id)
            WHERE p.status = 'SUCCEEDED' AND r.status <> 'CONFIRMED' AND r.event_id = '{event_id}'"""))
        if unconfirmed == 0:
            break
        time.sleep(1)
    unacknowledged = int(psql(psql_args, f"""
        SELECT count(*) FROM sandbox_payment p JOIN reservation_view r USING (reservation_id)
        WHERE p.status = 'SUCCEEDED' AND r.event_id = '{event_id}'
          AND NOT EXISTS (SELECT 1 FROM gateway_event g WHERE g.reservation_id = p.reservation_id)"""))
    # the view shows a hold expired 2 s after its end; 10 s is a hold the deadline failed to end
    overdue = int(psql(psql_args, f"""
        SELECT count(*) FROM reservation_view
        WHERE status = 'HELD' AND expires_at < now() - interval '10 seconds' AND event_id = '{event_id}'"""))
    print(json.dumps({"verifyStatus": status, "clean": (report or {}).get("clean"),
                      "violations": len((report or {}).get("violations", [])),
                      "seats": (report or {}).get("seats"), "paidNotConfirmed": unconfirmed,
                      "paymentsNeverAcknowledged": unacknowledged,
                      "holdsOverdue": overdue}))


def replication(psql_args):
    row = psql(psql_args, """
        SELECT coalesce(extract(epoch FROM replay_lag), 0), coalesce(pg_wal_lsn_diff(sent_lsn, replay_lsn), 0)
        FROM pg_stat_replication LIMIT 1""")
    lag, behind = row.split("|") if row else ("null", "null")
    print(json.dumps({"at": round(time.time(), 3), "replayLagSeconds": lag, "bytesBehind": behind}))


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "event":
        event(args[0], args[1], int(args[2]), len(args) > 3)
    elif command == "traffic":
        traffic(args[0], args[1], float(args[2]), int(args[3]))
    elif command == "staleness":
        staleness(args[0], args[1], args[2], float(args[3]), int(args[4]))
    elif command == "origin-requests":
        origin_requests(args[0], args[1], args[2:])
    elif command == "jvm":
        jvm(args[0], args[1:])
    elif command == "books":
        books(args[0], args[1], args[2], args[3:])
    elif command == "replication":
        replication(args)
    else:
        sys.exit(__doc__)
