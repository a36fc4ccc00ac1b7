package io.boxoffice.app.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A browser's EventSource, reduced to what the tests read: each message's id, name and JSON data. */
public final class SseClient implements AutoCloseable {

    public record Message(String id, String event, JsonNode data) {
    }

    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    public SseClient(int port, String path, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        response = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(lines -> {
            List<String> block = new ArrayList<>();
            lines.body().forEach(line -> {
                if (line.isEmpty()) {
                    parse(block);
                    block.clear();
                } else {
                    block.add(line);
                }
            });
        });
    }

    private void parse(List<String> block) {
        String id = null;
        String event = "message";
        StringBuilder data = new StringBuilder();
        for (String line : block) {
            if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5));
            }
        }
        if (data.isEmpty()) {
            return; // a comment: the heartbeat
        }
        try {
            messages.add(new Message(id, event, Api.JSON.readTree(data.toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Message> messages() {
        return messages;
    }

    /** Every change received so far, in order, as "seatId STATUS". */
    public List<String> changes() {
        List<String> changes = new ArrayList<>();
        messages.stream().filter(message -> message.event().equals("seats")).forEach(message ->
                message.data().path("changes").forEach(change ->
                        changes.add(change.path("seatId").asText() + " " + change.path("status").asText())));
        return changes;
    }

    public int status() {
        return response.join().statusCode();
    }

    @Override
    public void close() {
        response.thenAccept(lines -> lines.body().close());
        response.cancel(true);
    }
}
