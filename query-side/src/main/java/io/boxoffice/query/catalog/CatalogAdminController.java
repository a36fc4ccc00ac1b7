package io.boxoffice.query.catalog;

import io.boxoffice.api.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators (ADMIN) rebuild the catalog read model from the event store. */
@RestController
public class CatalogAdminController {

    private static final Logger log = LoggerFactory.getLogger(CatalogAdminController.class);

    private final CatalogRebuild rebuild;

    public CatalogAdminController(CatalogRebuild rebuild) {
        this.rebuild = rebuild;
    }

    /** A rebuild that cannot finish (the processors did not pause, the database failed) says so as a problem. */
    @PostMapping("/api/admin/projections/catalog/rebuild")
    public CatalogRebuild.Report rebuild() throws InterruptedException {
        try {
            return rebuild.rebuild();
        } catch (RuntimeException failed) {
            log.warn("catalog rebuild failed", failed);
            ErrorResponseException problem = Problems.error(HttpStatus.SERVICE_UNAVAILABLE, "rebuild-failed",
                    "Rebuild failed", "the catalog could not be rebuilt (" + failed.getClass().getSimpleName()
                            + "); the live read model is untouched; try again");
            problem.getHeaders().set("Retry-After", "30");
            throw problem;
        }
    }
}
