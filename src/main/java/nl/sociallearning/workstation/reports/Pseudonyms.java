package nl.sociallearning.workstation.reports;

import nl.sociallearning.workstation.files.AtomicFile;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Pseudonyms for participants: HMAC-SHA256 over the course and the participant id, with a key that never leaves
 * the workstation (a file in the data folder, readable only by its owner where the file system allows). The same
 * key gives the same pseudonym in every export; after {@link #rotate()} every pseudonym changes, so earlier exports
 * can no longer be linked to later ones. The course is part of the hash: one person's pseudonyms in two courses
 * cannot be linked either.
 */
public final class Pseudonyms {

    public static final String KEY_FILE = "report-pseudonym.key";
    private static final int KEY_BYTES = 32;

    private final Path keyFile;
    private byte[] key;

    private Pseudonyms(Path keyFile) {
        this.keyFile = keyFile;
    }

    /** The pseudonyms of a data folder; the key is made on first use. */
    public static Pseudonyms in(Path dataDirectory) {
        return new Pseudonyms(dataDirectory.resolve(KEY_FILE));
    }

    /** e.g. {@code P-3FA9C21B07}: ten hex digits (40 bits), enough to keep a course's thousand people apart. */
    public synchronized String of(String courseId, String participantId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] hash = mac.doFinal((courseId + "\u0000" + participantId).getBytes(StandardCharsets.UTF_8));
            return "P-" + HexFormat.of().withUpperCase().formatHex(hash, 0, 5);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this Java runtime", e);
        }
    }

    /** A new key: every pseudonym changes from now on. The old key is overwritten. */
    public synchronized void rotate() {
        key = fresh();
        save(key);
    }

    private byte[] key() {
        if (key == null) {
            if (Files.exists(keyFile)) {
                try {
                    key = Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).trim());
                } catch (IOException e) {
                    throw new UncheckedIOException("The pseudonym key " + keyFile + " cannot be read", e);
                }
            } else {
                key = fresh();
                save(key);
            }
        }
        return key;
    }

    private static byte[] fresh() {
        byte[] k = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(k);
        return k;
    }

    private void save(byte[] k) {
        try {
            Files.createDirectories(keyFile.getParent());
            // Owner-only from the start (AtomicFile's temporary file) and on disk before it replaces the old key.
            new AtomicFile().write(keyFile, out -> out.write(Base64.getEncoder().encode(k)));
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The pseudonym key cannot be saved in " + keyFile.getParent(), e);
        }
    }
}
