package nl.sociallearning.workstation.servers;

import com.github.javakeyring.Keyring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Tokens in the system keyring (Windows Credential Manager, macOS Keychain, the Secret Service on Linux), falling
 * back to {@link FileTokenVault} where there is none or it does not answer (a headless machine has no Secret
 * Service; the keyring's D-Bus call is given a few seconds at most).
 */
public final class KeyringTokenVault implements TokenVault {

    private static final Logger LOG = LoggerFactory.getLogger(KeyringTokenVault.class);
    static final String PREFIX = "keyring:";
    private static final String SERVICE = "Moderator Workstation";

    private final FileTokenVault fallback;

    public KeyringTokenVault(FileTokenVault fallback) {
        this.fallback = fallback;
    }

    @Override
    public String store(String account, String token) throws VaultException {
        try {
            withKeyring(k -> {
                k.setPassword(SERVICE, account, token);
                return null;
            });
            return PREFIX + account;
        } catch (Exception e) {
            LOG.info("No system keyring ({}); the token goes to {} (owner-only)", e.toString(), fallback.file());
            return fallback.store(account, token);
        }
    }

    @Override
    public Optional<String> read(String secretRef) {
        if (!secretRef.startsWith(PREFIX)) {
            return fallback.read(secretRef);
        }
        try {
            return Optional.ofNullable(withKeyring(k -> k.getPassword(SERVICE, secretRef.substring(PREFIX.length()))));
        } catch (Exception e) {
            LOG.warn("The keyring did not give the token of {}: {}", secretRef, e.toString());
            return Optional.empty();
        }
    }

    @Override
    public void delete(String secretRef) {
        if (!secretRef.startsWith(PREFIX)) {
            fallback.delete(secretRef);
            return;
        }
        try {
            withKeyring(k -> {
                k.deletePassword(SERVICE, secretRef.substring(PREFIX.length()));
                return null;
            });
        } catch (Exception e) {
            LOG.warn("The keyring did not remove the token of {}: {}", secretRef, e.toString());
        }
    }

    private interface KeyringWork<T> {
        T run(Keyring keyring) throws Exception;
    }

    private static <T> T withKeyring(KeyringWork<T> work) throws Exception {
        ExecutorService once = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "keyring");
            t.setDaemon(true);
            return t;
        });
        try {
            Callable<T> call = () -> {
                try (Keyring keyring = Keyring.create()) {
                    return work.run(keyring);
                }
            };
            Future<T> result = once.submit(call);
            return result.get(5, TimeUnit.SECONDS);
        } finally {
            once.shutdownNow();
        }
    }
}
