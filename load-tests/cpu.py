"""Where the application's CPU went during a window, by part of the design, from async-profiler's collapsed stacks
   (CPU time samples of the whole process):
   python3 load-tests/cpu.py <collapsed stacks> <the window's figures (JSON)> <title>  >> report.md
   Each sample counts for one part: the innermost part named on its stack, or, for a part that takes in everything it
   calls (the Redis gate, an aggregate's load, a projection...), the outermost such part."""
import json
import sys

stacks, figures_file, title = sys.argv[1], sys.argv[2], sys.argv[3]
figures = json.load(open(figures_file))

# (part, frame patterns, takes in what it calls)
PARTS = [
    ("HTTP server (Tomcat)", ["Http11Processor", "CoyoteAdapter", "NioEndpoint"], False),
    ("security filters (authorization, bearer token)", ["FilterChainProxy", "BearerTokenAuthenticationFilter",
                                                        "AuthorizationFilter"], False),
    ("JWT decode and validation", ["NimbusJwtDecoder"], True),
    ("Spring MVC (arguments, validation, response)", ["DispatcherServlet"], False),
    ("reservation service (catalog, admission, turns)", ["ReservationService.reserve"], False),
    ("Redis gate (request side)", ["SeatGate"], True),
    ("command bus and unit of work", ["DefaultCommandGateway", "UnitOfWork"], False),
    ("aggregates loaded", ["EventSourcingRepository.doLoad"], True),
    ("aggregates decide", ["command/seat/Seat.", "command/reservation/FanTickets.",
                           "command/reservation/Reservation."], False),
    ("events appended", ["appendEvents"], True),
    ("idempotency record (placed_reservation)", ["PlacedReservations"], True),
    ("transaction commit", ["commitTransaction"], True),
    ("event processors (fetch, batches, tokens)", ["WorkPackage", "Coordinator", "EmbeddedEventStore"], False),
    ("payment saga and its deadline", ["AbstractSagaManager", "JdbcSagaStore", "DbSchedulerDeadlineManager"], True),
    ("catalog projection and live seat updates", ["CatalogProjection", "SeatUpdateHub"], True),
    ("reservation view", ["ReservationProjection"], True),
    ("Redis client I/O (Redisson, Netty)", ["redisson", "io/netty"], False),
    ("JIT compiler", ["CompileBroker", "C2Compiler", "C1Compiler"], True),
    ("garbage collector", ["G1", "GCTask", "ConcurrentGCThread", "WorkerThread::run"], True),
]


def part_of(frames):
    found = "other"
    for frame in frames:
        for part, patterns, takes_in in PARTS:
            if any(pattern in frame for pattern in patterns):
                if takes_in:
                    return part
                found = part
    return found


samples = {part: 0 for part, _, _ in PARTS}
samples["other"] = 0
total = 0
for line in open(stacks):
    stack, _, count = line.rstrip().rpartition(" ")
    if not stack:
        continue
    total += int(count)
    samples[part_of(stack.split(";"))] += int(count)

cpu_per_hold = figures.get("cpuMsPerHold")
print(f"\n### Where a hold's CPU goes: {title} ({figures['holdsPerSecond']} holds/s, "
      f"{cpu_per_hold} ms of application CPU per hold, {total} samples)\n")
print("| part | share of the application's CPU | ms per hold |")
print("|---|---|---|")
for part, count in sorted(samples.items(), key=lambda entry: -entry[1]):
    if count:
        share = count / total
        per_hold = f"{share * cpu_per_hold:.2f}" if cpu_per_hold else "-"
        print(f"| {part} | {100 * share:.1f}% | {per_hold} |")
