import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.IntStream;

/**
 * Holds many live seat-update streams open at once, as a crowd of fans on an event's seat map, and counts what
 * arrives: java SseCrowd.java <stream URL> <clients> <seconds>. Prints one JSON object: clients connected (200),
 * failures, streams that ended before the window did, clients that received at least one seat change, changes
 * received in all, and how the first change spread over the crowd (ms after the earliest client had it, when half,
 * 99% and all of those that got one had it). Used by ops/topology/run.sh.
 */
public class SseCrowd {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI stream;
    private final AtomicInteger connected = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();
    private final AtomicIntegerArray changesPerClient;
    private final AtomicLong changes = new AtomicLong();
    /** System.nanoTime() of each client's first change; 0 until it has one. */
    private final AtomicLongArray firstChangeAt;

    private SseCrowd(URI stream, int clients) {
        this.stream = stream;
        this.changesPerClient = new AtomicIntegerArray(clients);
        this.firstChangeAt = new AtomicLongArray(clients);
    }

    public static void main(String[] args) throws Exception {
        int clients = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        SseCrowd crowd = new SseCrowd(URI.create(args[0]), clients);
        // the crowd arrives at 1,000 a second (100 every 100 ms), not as one SYN flood; the window is counted from
        // its first arrival
        ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger opened = new AtomicInteger();
        arrivals.scheduleAtFixedRate(() -> {
            for (int n = 0; n < 100 && opened.get() < clients; n++) {
                crowd.open(opened.getAndIncrement());
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
        arrivals.schedule(arrivals::shutdown, seconds, TimeUnit.SECONDS);
        arrivals.awaitTermination(seconds + 60, TimeUnit.SECONDS);
        crowd.report();
        System.exit(0);
    }

    private void report() {
        long[] arrivals = IntStream.range(0, firstChangeAt.length()).mapToLong(firstChangeAt::get)
                .filter(at -> at != 0).sorted().toArray();
        String spread = arrivals.length == 0 ? "null" : String.format("{\"p50\": %d, \"p99\": %d, \"max\": %d}",
                afterFirst(arrivals, 0.5), afterFirst(arrivals, 0.99), afterFirst(arrivals, 1));
        System.out.printf("{\"clients\": %d, \"connected\": %d, \"failed\": %d, \"endedEarly\": %d, "
                + "\"receivedAChange\": %d, \"changes\": %d, \"firstChangeSpreadMs\": %s}%n", changesPerClient.length(),
                connected.get(), failed.get(), ended.get(), arrivals.length, changes.get(), spread);
    }

    private static long afterFirst(long[] sortedArrivals, double quantile) {
        int index = (int) Math.ceil(quantile * sortedArrivals.length) - 1;
        return (sortedArrivals[Math.max(0, index)] - sortedArrivals[0]) / 1_000_000;
    }

    /** Opens one client's stream; counts its answer and every seat change that arrives on it. */
    private void open(int client) {
        HttpRequest request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream").build();
        Flow.Subscriber<String> lines = new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String line) {
                if (line.startsWith("data:")) {
                    if (changesPerClient.incrementAndGet(client) == 1) {
                        firstChangeAt.set(client, System.nanoTime());
                    }
                    changes.incrementAndGet();
                }
            }

            @Override
            public void onError(Throwable failure) {
                ended.incrementAndGet();
            }

            @Override
            public void onComplete() {
                ended.incrementAndGet();
            }
        };
        // read as lines arrive, no thread per client
        HttpResponse.BodyHandler<Void> counted = response -> {
            (response.statusCode() == 200 ? connected : failed).incrementAndGet();
            return HttpResponse.BodySubscribers.fromLineSubscriber(lines);
        };
        http.sendAsync(request, counted).exceptionally(failure -> {
            failed.incrementAndGet();
            return null;
        });
    }
}
