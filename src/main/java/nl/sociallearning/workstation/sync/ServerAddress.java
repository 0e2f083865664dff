package nl.sociallearning.workstation.sync;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * A course server's base URL, checked before any token is sent to it: {@code https://}, or plain
 * {@code http://} only on this machine (loopback), where nothing crosses a network.
 */
public record ServerAddress(URI baseUri) {

    public ServerAddress {
        String scheme = baseUri.getScheme() == null ? "" : baseUri.getScheme().toLowerCase(Locale.ROOT);
        if (baseUri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new InsecureServerException("'" + baseUri + "' is not a web address (it must start with https://).");
        }
        if (scheme.equals("http") && !isLoopback(baseUri.getHost())) {
            throw new InsecureServerException("'" + baseUri + "' uses plain http:// to another machine: "
                    + "your token and course data would cross the network unencrypted. Use https://.");
        }
        String text = baseUri.toString();
        baseUri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    public static ServerAddress of(String uri) {
        try {
            return new ServerAddress(URI.create(uri.trim()));
        } catch (IllegalArgumentException e) {
            if (e instanceof InsecureServerException) {
                throw e;
            }
            throw new InsecureServerException("'" + uri + "' is not a valid web address.");
        }
    }

    private static boolean isLoopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses: resolving a name here would let DNS decide what counts as local.
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The address would expose the token or course data; the message says why, for the user. */
    public static final class InsecureServerException extends IllegalArgumentException {
        public InsecureServerException(String message) {
            super(message);
        }
    }

    @Override
    public String toString() {
        return baseUri.toString();
    }
}
