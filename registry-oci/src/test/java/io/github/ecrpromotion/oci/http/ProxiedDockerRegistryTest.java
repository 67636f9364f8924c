package io.github.ecrpromotion.oci.http;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.core.registry.Registries;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.testkit.DockerRegistryServer;
import io.github.ecrpromotion.testkit.ForwardingProxy;
import io.github.ecrpromotion.testkit.RegistryFront;
import java.util.List;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The OCI backend through a real forwarding HTTP proxy to a real docker-registry on 127.0.0.1: every registry request
 * goes through the proxy (our ProxySelector proxies loopback hosts too), a no-proxy host is reached directly, and
 * the proxy's credentials go to the proxy only. Where the test must see what reached the registry, a
 * {@link RegistryFront} records it: client -> proxy -> front -> docker-registry.
 */
public class ProxiedDockerRegistryTest {
    private static final String PROXY_USER = "proxy-user";
    private static final String PROXY_PASSWORD = "proxy-Pa55-never-shown";
    private static final SyntheticImage IMAGE = SyntheticImage.dockerV2("proxied");
    private static DockerRegistryServer server;

    private ForwardingProxy proxy;
    private RegistryFront front;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @BeforeClass
    public static void startRegistry() throws Exception {
        server = DockerRegistryServer.start();
        server.seedClient().push("proxied/app", IMAGE, "build-1");
    }

    @AfterClass
    public static void stopRegistry() {
        if (server != null) {
            server.close();
        }
    }

    @Before
    public void startProxy() {
        proxy = ForwardingProxy.start();
        front = RegistryFront.start(server.uri());
    }

    @After
    public void stopProxy() {
        proxy.close();
        front.close();
    }

    private RegistryOptions.Builder options() {
        return RegistryOptions.builder().dockerConfig(tmp.getRoot().toPath().resolve("absent.json").toString());
    }

    private RegistryOptions.Proxy theProxy(String user, String password, List<String> noProxyHosts) {
        return new RegistryOptions.Proxy(proxy.host(), proxy.port(), user, password, noProxyHosts);
    }

    private static void retag(Registry r) throws Exception {
        RawManifest m = r.getManifest(ImageRef.of(Tag.of("build-1"))).orElseThrow();
        assertArrayEquals(IMAGE.manifest().bytes(), m.bytes());
        r.putManifest(Tag.of("testing"), m);
        assertEquals(IMAGE.manifest().digest(), r.resolve(ImageRef.of(Tag.of("testing"))).orElseThrow());
    }

    @Test
    public void retag_throughProxy_sendsEveryRegistryRequestThroughIt() throws Exception {
        RegistryOptions o = options().proxy(theProxy(null, null, List.of())).build();
        try (Registry r = Registries.open(Repository.parse(server.repository("proxied/app")), o)) {
            retag(r);
        }
        List<ForwardingProxy.Request> seen = proxy.requests();
        // GET manifest, PUT manifest, then the resolve (HEAD) at least; the first may be preceded by a /v2/ ping
        assertTrue("requests through the proxy: " + seen, seen.size() >= 3);
        for (ForwardingProxy.Request req : seen) {
            assertEquals(req.toString(), server.hostPort(), req.target().getRawAuthority());
            assertTrue(req.toString(), req.target().getRawPath().startsWith("/v2/"));
        }
        assertTrue(seen.stream().anyMatch(q -> q.method().equals("PUT")));
    }

    @Test
    public void retag_withNoProxyHostMatchingTheRegistry_goesDirect() throws Exception {
        RegistryOptions o = options().proxy(theProxy(null, null, List.of("localhost", "127.0.0.*"))).build();
        try (Registry r = Registries.open(Repository.parse(server.repository("proxied/app")), o)) {
            retag(r);
        }
        assertEquals("nothing through the proxy", List.of(), proxy.requests());
    }

    @Test
    public void retag_throughAuthenticatingProxy_sendsProxyCredentialsToTheProxyOnly() throws Exception {
        proxy.requireCredentials(PROXY_USER, PROXY_PASSWORD);
        RegistryOptions o = options().proxy(theProxy(PROXY_USER, PROXY_PASSWORD, List.of())).build();
        try (Registry r = Registries.open(Repository.parse(front.repository("proxied/app")), o)) {
            retag(r);
        }
        // sent with every proxied request (the JDK client has no other way that leaves registry auth alone)
        assertTrue("every request carried the proxy's credentials: " + proxy.requests(),
                proxy.requests().size() >= 3 && proxy.forwarded() == proxy.requests().size());
        assertFalse(front.requests().isEmpty());
        for (RegistryFront.Request req : front.requests()) {
            assertNull("no proxy credentials reach the registry: " + req, req.header("Proxy-Authorization"));
        }
    }

    @Test
    public void registryBasicAuth_throughAuthenticatingProxy_keepsBothCredentialsApart() throws Exception {
        try (DockerRegistryServer secured = DockerRegistryServer.startWithHtpasswd("ci", "registry-Pa55");
             RegistryFront securedFront = RegistryFront.start(secured.uri())) {
            secured.seedClient().push("proxied/app", IMAGE, "build-1");
            proxy.requireCredentials(PROXY_USER, PROXY_PASSWORD);
            RegistryOptions o = options().basicAuth("ci", "registry-Pa55")
                    .proxy(theProxy(PROXY_USER, PROXY_PASSWORD, List.of())).build();
            try (Registry r = Registries.open(Repository.parse(securedFront.repository("proxied/app")), o)) {
                retag(r);
            }
            for (RegistryFront.Request req : securedFront.requests()) {
                assertNull(req.toString(), req.header("Proxy-Authorization"));
            }
            assertTrue("the registry got its own credentials",
                    securedFront.requests().stream().anyMatch(q -> q.header("Authorization") != null));
        }
    }

    @Test
    public void wrongProxyPassword_failsWithoutShowingThePassword() throws Exception {
        proxy.requireCredentials(PROXY_USER, PROXY_PASSWORD);
        String wrong = "wrong-proxy-Pa55-xyz";
        RegistryOptions o = options().proxy(theProxy(PROXY_USER, wrong, List.of())).build();
        assertFalse(o.toString(), o.toString().contains(wrong));
        try (Registry r = Registries.open(Repository.parse(server.repository("proxied/app")), o)) {
            RegistryException e = assertThrows(RegistryException.class, () -> r.getManifest(ImageRef.of(Tag.of("build-1"))));
            assertEquals(RegistryException.Reason.AUTH, e.reason());
            assertTrue(e.getMessage(), e.getMessage().contains("HTTP 407") && e.getMessage().contains(proxy.host()));
            assertFalse(e.getMessage(), e.getMessage().contains(wrong));
            assertFalse(e.getMessage(), String.valueOf(e.getCause()).contains(wrong));
        }
        assertEquals("nothing was forwarded", 0, proxy.forwarded());
    }

    @Test
    public void httpsRegistry_throughAProxyRefusingTheConnect_isAuthErrorWithoutThePassword_andNotRetried()
            throws Exception {
        // A proxy that answers every CONNECT 407: the HTTPS request never leaves the loopback.
        java.util.List<String> connects = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (java.net.ServerSocket refusing = new java.net.ServerSocket(0, 16, java.net.InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                while (!refusing.isClosed()) {
                    try (java.net.Socket c = refusing.accept()) {
                        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                                c.getInputStream(), java.nio.charset.StandardCharsets.ISO_8859_1));
                        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                            if (line.startsWith("CONNECT ")) {
                                connects.add(line);
                            }
                        }
                        c.getOutputStream().write(("HTTP/1.1 407 Proxy Authentication Required\r\n"
                                + "Proxy-Authenticate: Basic realm=\"proxy\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                    } catch (java.io.IOException closed) {
                        // the test is over, or the client hung up
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            RegistryOptions o = options().proxy(new RegistryOptions.Proxy("127.0.0.1", refusing.getLocalPort(), PROXY_USER,
                    PROXY_PASSWORD, List.of())).build();
            try (Registry r = Registries.open(Repository.parse("registry.example.com/proxied/app"), o)) {
                RegistryException e = assertThrows(RegistryException.class, () -> r.getManifest(ImageRef.of(Tag.of("build-1"))));
                assertEquals(e.getMessage(), RegistryException.Reason.AUTH, e.reason());
                assertTrue(e.getMessage(), e.getMessage().contains("HTTP 407") && e.getMessage().contains("127.0.0.1"));
                assertFalse(e.getMessage(), e.getMessage().contains(PROXY_PASSWORD));
            }
            // One CONNECT, not retried; a second with the credentials only when the JVM lets Basic through tunnels.
            int perAttempt = System.getProperty("jdk.http.auth.tunneling.disabledSchemes", "Basic").contains("Basic") ? 1 : 2;
            assertEquals("not retried: " + connects, perAttempt, connects.size());
            assertTrue(connects.toString(), connects.get(0).startsWith("CONNECT registry.example.com:443 "));
        }
    }
}
