package io.boxoffice.app.account;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The embedded default's own passwords (the first administrator's, the demo accounts'), made at its first start and
 * kept in {@code <data-dir>/passwords}, readable by its owner only, so that a laptop install needs no setup and
 * never runs with a password anyone could guess. Anywhere else, passwords come from configuration.
 */
@Component
public class EmbeddedPasswords {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final boolean embedded;
    private final Path file;

    public EmbeddedPasswords(ObjectProvider<EmbeddedPostgres> embeddedPostgres,
                             @Value("${boxoffice.embedded.data-dir:data}") Path dataDir) {
        this.embedded = embeddedPostgres.getIfAvailable() != null;
        this.file = dataDir.resolve("passwords").toAbsolutePath().normalize();
    }

    /** A password kept for an account, and whether it was made just now. */
    public record Kept(String password, boolean isNew) {

        @Override
        public String toString() {
            return "Kept[isNew=" + isNew + "]";
        }
    }

    public boolean available() {
        return embedded;
    }

    public Path file() {
        return file;
    }

    /** The password kept for this account, or a new random one, kept from now on. */
    public synchronized Kept passwordOf(String username) {
        Properties kept = read();
        String password = kept.getProperty(username);
        if (password != null) {
            return new Kept(password, false);
        }
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes); // 120 random bits
        kept.setProperty(username, password);
        write(kept);
        return new Kept(password, true);
    }

    private Properties read() {
        Properties kept = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                kept.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return kept;
    }

    private void write(Properties kept) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file) && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                kept.store(out, "Passwords of the embedded default's accounts: sign in with them");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
