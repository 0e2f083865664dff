package nl.sociallearning.workstation.sync;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which base URLs the workstation sends a token to: https anywhere, plain http only on this machine. */
class ServerAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "https://courses.example.org/api/v1",
            "https://10.0.0.5/api/v1",
            "https://courses.example.org:8443/api/v1",
            "HTTPS://Courses.Example.org/api/v1",
            "  https://courses.example.org/api/v1  "})
    void httpsIsAcceptedAnywhere(String address) {
        ServerAddress server = ServerAddress.of(address);

        assertThat(server.baseUri().getScheme()).isEqualToIgnoringCase("https");
        assertThat(server.toString()).isEqualTo(address.trim());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1:8080/api/v1",
            "http://127.0.0.1/api/v1",
            "http://localhost:8080/api/v1",
            "http://LOCALHOST:8080/api/v1",
            "http://[::1]:8080/api/v1",
            "http://[0:0:0:0:0:0:0:1]/api/v1"})
    void plainHttpIsAcceptedOnLoopback(String address) {
        ServerAddress server = ServerAddress.of(address);

        assertThat(server.baseUri()).isEqualTo(URI.create(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://example.org/api/v1",
            "http://10.0.0.5:8080/api/v1",
            "http://192.168.1.2/api/v1",
            "http://[2001:db8::1]/api/v1",
            // Names that merely look local are not resolved: DNS must not decide what counts as this machine.
            "http://localhost.example.org/api/v1",
            "http://127.0.0.1.nip.io/api/v1",
            // The host is after the '@', whatever the user part says.
            "http://127.0.0.1@example.org/api/v1"})
    void plainHttpToAnotherMachineIsRefusedWithAdviceToUseHttps(String address) {
        assertThatThrownBy(() -> ServerAddress.of(address))
                .isInstanceOf(ServerAddress.InsecureServerException.class)
                .hasMessageContaining("plain http://")
                .hasMessageContaining("unencrypted")
                .hasMessageContaining("Use https://")
                .hasMessageContaining(address);
    }

    @Test
    void theConstructorChecksToo() {
        assertThatThrownBy(() -> new ServerAddress(URI.create("http://example.org/api/v1")))
                .isInstanceOf(ServerAddress.InsecureServerException.class)
                .hasMessageContaining("Use https://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "https://exa mple.org/api", "https://", "http://[::1/api"})
    void somethingThatIsNotAnAddressIsRefusedClearly(String address) {
        assertThatThrownBy(() -> ServerAddress.of(address))
                .isInstanceOf(ServerAddress.InsecureServerException.class)
                .hasMessage("'" + address + "' is not a valid web address.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://x", "ftp://files.example.org/api", "file:///etc/passwd", "mailto:mod@example.org",
            "localhost:8080", "courses.example.org/api/v1", "/api/v1"})
    void anAddressThatIsNotAWebAddressIsRefusedClearly(String address) {
        assertThatThrownBy(() -> ServerAddress.of(address))
                .isInstanceOf(ServerAddress.InsecureServerException.class)
                .hasMessageContaining("is not a web address")
                .hasMessageContaining("https://")
                .hasMessageContaining(address);
    }

    @Test
    void aTrailingSlashIsRemoved() {
        assertThat(ServerAddress.of("https://courses.example.org/api/v1/").toString())
                .isEqualTo("https://courses.example.org/api/v1");
        assertThat(ServerAddress.of("http://127.0.0.1:8080/").baseUri())
                .isEqualTo(URI.create("http://127.0.0.1:8080"));
    }

    @Test
    void equalAddressesAreEqual() {
        assertThat(ServerAddress.of("https://courses.example.org/api/v1/"))
                .isEqualTo(ServerAddress.of("https://courses.example.org/api/v1"));
    }
}
