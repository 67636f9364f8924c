package io.github.ecrpromotion.oci.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.oci.http.ScriptedServer.Reply;
import io.github.ecrpromotion.oci.http.ScriptedServer.Request;
import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;

/** Attacks on the HttpURLConnection transport: what the JDK's own machinery does behind the Connector's back. */
public class TransportAttackTest {
    private static final RawManifest M = SyntheticImage.dockerV2("attack").manifest();

    private static RegistryOptions.Builder options() {
        return RegistryOptions.builder().timeout(Duration.ofSeconds(10)).dockerConfig("/nonexistent/config.json");
    }

    /**
     * A token that expires between the HEAD and the PUT: the registry answers the PUT (a body, fixed length) 401 with a
     * new challenge. Transport's "one retry after a 401" must fetch a new token and PUT once more; the JDK must not
     * turn the 401 into an HttpRetryException (its streaming-mode behaviour) that reads as a network error.
     */
    @Test
    public void aPutAnswered401GetsAFreshTokenAndSucceeds() throws Exception {
        AtomicInteger issued = new AtomicInteger();
        try (ScriptedServer tokens = new ScriptedServer(
                req -> Reply.json(200, "{\"token\":\"tok-" + issued.incrementAndGet() + "\"}"))) {
            String challenge = "Bearer realm=\"http://" + tokens.hostPort() + "/token\",service=\"svc\"";
            try (ScriptedServer registry = new ScriptedServer(req -> {
                String a = String.valueOf(req.header("Authorization"));
                if (!a.startsWith("Bearer tok-")) {
                    return Reply.json(401, "{}", "WWW-Authenticate", challenge);
                }
                int n = Integer.parseInt(a.substring("Bearer tok-".length()));
                if (req.method().equals("PUT")) {
                    // The first push token is refused, as an expired one would be.
                    return n < 3 ? Reply.json(401, "{}", "WWW-Authenticate", challenge)
                            : new Reply(201, Map.of("Docker-Content-Digest", M.digest().toString()), new byte[0]);
                }
                return Reply.json(404, "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\"}]}");
            })) {
                OciRegistry r = new OciRegistry(Repository.of(registry.hostPort() + "/demo/app"), options().build());
                try {
                    assertEquals(M.digest(), r.putManifest(Tag.of("b1"), M).digest());
                } finally {
                    r.close();
                }
                List<Request> puts = registry.requests().stream().filter(q -> q.method().equals("PUT")).toList();
                assertEquals(2, puts.size());
            }
        }
    }

    /**
     * A JVM-wide default Authenticator (Jenkins installs one for its proxy; any plugin may) must never answer a
     * registry's 401: the registry would receive credentials nobody gave this tool for it.
     */
    @Test
    public void theJvmDefaultAuthenticatorNeverAnswersARegistry() throws Exception {
        Authenticator before = Authenticator.getDefault();
        AtomicInteger asked = new AtomicInteger();
        Authenticator.setDefault(new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                asked.incrementAndGet();
                return new PasswordAuthentication("jenkins-proxy-user", "jenkins-proxy-secret".toCharArray());
            }
        });
        try (ScriptedServer registry = new ScriptedServer(
                req -> Reply.json(401, "{}", "WWW-Authenticate", "Basic realm=\"hostile\""))) {
            OciRegistry r = new OciRegistry(Repository.of(registry.hostPort() + "/demo/app"), options().build());
            try {
                RegistryException e = assertThrows(RegistryException.class, () -> r.resolve(ImageRef.of(Tag.of("b1"))));
                assertEquals(e.getMessage(), RegistryException.Reason.AUTH, e.reason());
            } finally {
                r.close();
            }
            for (Request q : registry.requests()) {
                assertNull("no credentials of the JVM's authenticator reach the registry", q.header("Authorization"));
            }
            assertEquals("the JVM's default authenticator was consulted", 0, asked.get());
        } finally {
            Authenticator.setDefault(before);
        }
    }

    /** A token server's token with CR/LF in it never becomes a header line of its own, nor appears in the error. */
    @Test
    public void aTokenWithCrLf_injectsNoHeader_andIsNotQuoted() throws Exception {
        try (ScriptedServer tokens = new ScriptedServer(
                req -> Reply.json(200, "{\"token\":\"abc\\r\\nX-Injected: yes\"}"))) {
            String challenge = "Bearer realm=\"http://" + tokens.hostPort() + "/token\",service=\"svc\"";
            try (ScriptedServer registry = new ScriptedServer(req -> Reply.json(401, "{}", "WWW-Authenticate",
                    challenge))) {
                OciRegistry r = new OciRegistry(Repository.of(registry.hostPort() + "/demo/app"), options().build());
                RegistryException e;
                try {
                    e = assertThrows(RegistryException.class, () -> r.resolve(ImageRef.of(Tag.of("b1"))));
                } finally {
                    r.close();
                }
                assertTrue(e.getMessage(), !e.getMessage().contains("X-Injected"));
                for (Request q : registry.requests()) {
                    assertNull(q.header("X-Injected"));
                }
            }
        }
    }
}
