package io.boxoffice.app.runtime;

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
 * A properties file in the embedded default's data folder that only its owner may read: where that default keeps
 * what it makes for itself (keys, first passwords) so that they survive restarts.
 */
public final class OwnerOnlyFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final String comment;

    public OwnerOnlyFile(Path file, String comment) {
        this.file = file.toAbsolutePath().normalize();
        this.comment = comment;
    }

    public Path path() {
        return file;
    }

    /** What is kept under {@code name}, or a new random value of {@code bytes} bytes, kept from now on. */
    public synchronized Kept valueOf(String name, int bytes) {
        Properties kept = read();
        String value = kept.getProperty(name);
        if (value != null) {
            return new Kept(value, false);
        }
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        kept.setProperty(name, value);
        write(kept);
        return new Kept(value, true);
    }

    /** A kept value, and whether it was made just now; never printed by {@code toString}. */
    public record Kept(String value, boolean isNew) {

        @Override
        public String toString() {
            return "Kept[isNew=" + isNew + "]";
        }
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
                kept.store(out, comment);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
