package io.github.ecrpromotion.oci.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import java.time.Duration;
import java.util.Optional;
import org.junit.Test;

/**
 * Where the credentials may travel when a registry names its token realm. A remote host cannot be started here, so the
 * challenge is handed to {@link Auth} directly; every refusal happens before any request is sent (the connector is
 * never used: it has no server to reach).
 */
public class TokenRealmTest {

    private static Auth auth(String host, boolean https) {
        RegistryOptions options = RegistryOptions.builder().basicAuth("ci", "s3cret-pass-word")
                .timeout(Duration.ofSeconds(5)).build();
        return new Auth(new Connector(options), host, https, options, Secrets.of(options));
    }

    private static RegistryException refused(Auth auth, String realm) {
        return assertThrows(RegistryException.class, () -> auth.retryAfter401(
                Optional.of("Bearer realm=\"" + realm + "\",service=\"registry\""), "repository:app:pull",
                Optional.empty(), "read testing", Deadline.after(Duration.ofSeconds(5))));
    }

    @Test
    public void anHttpsRegistry_neverSendsTheCredentialsToAPlainHttpRealm_evenOnItsOwnHost() {
        RegistryException e = refused(auth("registry.example.com", true), "http://registry.example.com/token");
        assertEquals(RegistryException.Reason.AUTH, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("spoken to over HTTPS but names the token realm "
                + "http://registry.example.com over plain HTTP"));
        assertTrue(e.getMessage(), !e.getMessage().contains("s3cret-pass-word"));
    }

    @Test
    public void anyRegistry_neverSendsTheCredentialsToAnotherHostOverPlainHttp() {
        RegistryException e = refused(auth("registry.example.com", false), "http://tokens.example.net/token");
        assertTrue(e.getMessage(), e.getMessage().contains("another host over plain HTTP"));
    }

    @Test
    public void anyRegistry_neverSendsTheCredentialsToALinkLocalAddress() {
        RegistryException e = refused(auth("registry.example.com", true), "https://169.254.169.254/latest");
        assertTrue(e.getMessage(), e.getMessage().contains("link-local address"));
    }
}
