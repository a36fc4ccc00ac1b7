import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Holds many live seat-update streams open at once, as a crowd of fans on an event's seat map, and counts what
 * arrives: java SseCrowd.java <stream URL> <clients> <seconds>. Prints one JSON object: clients connected (200),
 * clients that received at least one seat change, changes received in all, failures. Used by ops/topology/run.sh.
 */
public class SseCrowd {

    public static void main(String[] args) throws Exception {
        URI stream = URI.create(args[0]);
        int clients = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        AtomicInteger connected = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicIntegerArray changesPerClient = new AtomicIntegerArray(clients);
        AtomicLong changes = new AtomicLong();
        for (int i = 0; i < clients; i++) {
            int client = i;
            HttpRequest request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream").build();
            Flow.Subscriber<String> lines = new Flow.Subscriber<>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscription.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(String line) {
                    if (line.startsWith("data:")) {
                        changesPerClient.incrementAndGet(client);
                        changes.incrementAndGet();
                    }
                }

                @Override
                public void onError(Throwable failure) {
                }

                @Override
                public void onComplete() {
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
            if (i % 100 == 99) {
                Thread.sleep(100); // a crowd arriving at 1,000 a second, not one SYN flood
            }
        }
        Thread.sleep(seconds * 1000);
        int reached = 0;
        for (int i = 0; i < clients; i++) {
            reached += changesPerClient.get(i) > 0 ? 1 : 0;
        }
        System.out.printf("{\"clients\": %d, \"connected\": %d, \"failed\": %d, \"receivedAChange\": %d, "
                + "\"changes\": %d}%n", clients, connected.get(), failed.get(), reached, changes.get());
        System.exit(0);
    }
}
