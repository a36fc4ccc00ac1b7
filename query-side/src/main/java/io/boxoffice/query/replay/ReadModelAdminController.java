package io.boxoffice.query.replay;

import io.boxoffice.api.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/**
 * Operators (ADMIN) rebuild a read model ({@code catalog}, {@code reservations}) from the first event with
 * {@code POST /api/admin/read-models/{name}/replay}; readers keep being answered meanwhile.
 */
@RestController
public class ReadModelAdminController {

    private static final Logger log = LoggerFactory.getLogger(ReadModelAdminController.class);

    private final ReadModelReplay replay;

    public ReadModelAdminController(ReadModelReplay replay) {
        this.replay = replay;
    }

    /** A replay that cannot finish (the standby is claimed elsewhere, the database failed) says so as a problem. */
    @PostMapping("/api/admin/read-models/{name}/replay")
    public ReadModelReplay.Replayed replay(@PathVariable String name) throws InterruptedException {
        try {
            return replay.replay(name);
        } catch (ReadModelReplay.UnknownReadModelException unknown) {
            throw Problem.of(HttpStatus.NOT_FOUND.value(), "no-read-model", "No such read model",
                    unknown.getMessage() + "; these are: " + replay.names()).refused();
        } catch (RuntimeException failed) {
            log.warn("replay of {} failed", name, failed);
            throw Problem.of(HttpStatus.SERVICE_UNAVAILABLE.value(), "replay-failed",
                    "Replay failed", name + " could not be replayed (" + failed.getClass().getSimpleName()
                            + "); it is served as it was; try again").retryAfter(Duration.ofSeconds(30)).refused();
        }
    }
}
