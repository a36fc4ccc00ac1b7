package io.boxoffice.query.catalog;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators (ADMIN) rebuild the catalog read model from the event store. */
@RestController
public class CatalogAdminController {

    private final CatalogRebuild rebuild;

    public CatalogAdminController(CatalogRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/api/admin/projections/catalog/rebuild")
    public CatalogRebuild.Report rebuild() throws InterruptedException {
        return rebuild.rebuild();
    }
}
