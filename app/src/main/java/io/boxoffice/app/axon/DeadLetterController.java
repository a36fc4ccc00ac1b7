package io.boxoffice.app.axon;

import io.boxoffice.app.web.Problems;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Operators' view of the dead letters (ADMIN): {@code GET /api/admin/dead-letters} lists them by read model,
 * {@code POST .../{group}/retry} hands them to their projection again (after a fix), {@code DELETE
 * .../{group}/{eventIdentifier}} gives one up, which lets the rest of its sequence through.
 */
@RestController
public class DeadLetterController {

    /** A retry handles at most this many sequences; call again for more. */
    private static final int RETRY_SEQUENCES = 100;

    private final ReadModelDeadLetters deadLetters;

    public DeadLetterController(ReadModelDeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    public record Letter(String eventIdentifier, String payloadType, String causeType, String causeMessage,
                         Instant enqueuedAt, Instant lastTouched) {

        static Letter of(DeadLetter<? extends EventMessage<?>> letter) {
            return new Letter(letter.message().getIdentifier(), letter.message().getPayloadType().getName(),
                    letter.cause().map(Cause::type).orElse(null), letter.cause().map(Cause::message).orElse(null),
                    letter.enqueuedAt(), letter.lastTouched());
        }
    }

    public record Retried(String readModel, int sequencesHandled, long remaining) {
    }

    @GetMapping("/api/admin/dead-letters")
    public Map<String, List<Letter>> list() {
        Map<String, List<Letter>> letters = new LinkedHashMap<>();
        for (String group : deadLetters.readModels()) {
            List<Letter> inGroup = new ArrayList<>();
            queue(group).deadLetters().forEach(sequence -> sequence.forEach(letter -> inGroup.add(Letter.of(letter))));
            letters.put(group, inGroup);
        }
        return letters;
    }

    @PostMapping("/api/admin/dead-letters/{group}/retry")
    public Retried retry(@PathVariable String group) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = deadLetters.processor(group)
                .orElseThrow(() -> notFound(group));
        int handled = 0;
        while (handled < RETRY_SEQUENCES && processor.processAny()) {
            handled++;
        }
        return new Retried(group, handled, queue(group).size());
    }

    @DeleteMapping("/api/admin/dead-letters/{group}/{eventIdentifier}")
    public ResponseEntity<Void> evict(@PathVariable String group, @PathVariable String eventIdentifier) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (letter.message().getIdentifier().equals(eventIdentifier)) {
                    queue.evict(letter);
                    return ResponseEntity.noContent().build();
                }
            }
        }
        throw Problems.error(HttpStatus.NOT_FOUND, "dead-letter-not-found", "Dead letter not found",
                "no dead letter of event " + eventIdentifier + " in " + group);
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return deadLetters.queue(group).orElseThrow(() -> notFound(group));
    }

    private ErrorResponseException notFound(String group) {
        return Problems.error(HttpStatus.NOT_FOUND, "no-dead-letter-queue", "No dead-letter queue",
                "no read model " + group + " has a dead-letter queue; these do: " + deadLetters.readModels());
    }
}
