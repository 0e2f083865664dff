package nl.sociallearning.workstation.servers;

import java.util.Optional;

/**
 * Where the tokens of added servers are kept, outside the cache. {@link #store} answers a reference to keep with
 * the server ({@code keyring:…} or {@code file:…}); {@link #read} finds the token again by it.
 */
public interface TokenVault {

    String store(String account, String token) throws VaultException;

    Optional<String> read(String secretRef);

    void delete(String secretRef);

    /** The token could not be kept anywhere; the message says why. */
    final class VaultException extends Exception {
        public VaultException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
