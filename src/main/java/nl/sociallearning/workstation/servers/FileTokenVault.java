package nl.sociallearning.workstation.servers;

import nl.sociallearning.workstation.files.AtomicFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Tokens in {@code tokens.properties} in the data folder, readable and writable by the owner only (on POSIX
 * systems, mode 600; elsewhere the folder's own protection applies). The fallback where there is no system keyring,
 * e.g. a headless machine; docs/platforms.md says so. Written to a temporary file, then moved into place.
 */
public final class FileTokenVault implements TokenVault {

    static final String PREFIX = "file:";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;

    public FileTokenVault(Path dataDirectory) {
        this.file = dataDirectory.resolve("tokens.properties");
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized String store(String account, String token) throws VaultException {
        try {
            Properties tokens = load();
            tokens.setProperty(account, token);
            save(tokens);
            return PREFIX + account;
        } catch (IOException e) {
            throw new VaultException("The token could not be saved in " + file + " (" + e.getMessage() + ").", e);
        }
    }

    @Override
    public synchronized Optional<String> read(String secretRef) {
        if (!secretRef.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(load().getProperty(secretRef.substring(PREFIX.length())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public synchronized void delete(String secretRef) {
        if (!secretRef.startsWith(PREFIX)) {
            return;
        }
        try {
            Properties tokens = load();
            tokens.remove(secretRef.substring(PREFIX.length()));
            save(tokens);
        } catch (IOException e) {
            // Nothing to remove, or the file is unreadable: either way the token is no longer used.
        }
    }

    private Properties load() throws IOException {
        Properties tokens = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                tokens.load(in);
            }
        }
        return tokens;
    }

    private void save(Properties tokens) throws IOException {
        Files.createDirectories(file.getParent());
        // AtomicFile's temporary file is owner-only from the start on POSIX systems (Files.createTempFile), and
        // forced to disk before it replaces the old one: a crash leaves the old tokens or the new, never none.
        new AtomicFile().write(file, out ->
                tokens.store(out, "Moderator Workstation: tokens of added course servers. Keep this file private."));
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }
}
