package io.boxoffice.app.account;

import io.boxoffice.app.runtime.EmbeddedProperties;
import io.boxoffice.app.runtime.OwnerOnlyFile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.nio.file.Path;


/**
 * The embedded default's own passwords (the first administrator's, the demo accounts'), made at its first start and
 * kept in {@code <data-dir>/passwords}, readable by its owner only, so that a laptop install needs no setup and
 * never runs with a password anyone could guess. Anywhere else, passwords come from configuration.
 */
@Component
public class EmbeddedPasswords {

    /** 120 random bits. */
    private static final int PASSWORD_BYTES = 15;

    private final boolean embedded;
    private final OwnerOnlyFile file;

    public EmbeddedPasswords(ObjectProvider<EmbeddedPostgres> embeddedPostgres,
                             EmbeddedProperties settings) {
        this.embedded = embeddedPostgres.getIfAvailable() != null;
        this.file = new OwnerOnlyFile(settings.dataDir().resolve("passwords"),
                "Passwords of the embedded default's accounts: sign in with them");
    }

    public boolean available() {
        return embedded;
    }

    public Path file() {
        return file.path();
    }

    /** The password kept for this account, or a new random one, kept from now on. */
    public OwnerOnlyFile.Kept passwordOf(String username) {
        return file.valueOf(username, PASSWORD_BYTES);
    }
}
