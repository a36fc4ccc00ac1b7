package io.boxoffice.query.replay;

import io.boxoffice.api.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

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
            throw Problems.error(HttpStatus.NOT_FOUND, "no-read-model", "No such read model",
                    unknown.getMessage() + "; these are: " + replay.names());
        } catch (RuntimeException failed) {
            log.warn("replay of {} failed", name, failed);
            ErrorResponseException problem = Problems.error(HttpStatus.SERVICE_UNAVAILABLE, "replay-failed",
                    "Replay failed", name + " could not be replayed (" + failed.getClass().getSimpleName()
                            + "); it is served as it was; try again");
            problem.getHeaders().set("Retry-After", "30");
            throw problem;
        }
    }
}
