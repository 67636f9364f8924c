package io.github.ecrpromotion.ecr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.testkit.ForwardingProxy;
import io.github.ecrpromotion.testkit.MotoServer;
import io.github.ecrpromotion.testkit.RegistryFront;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.ecr.EcrClient;

/**
 * The ECR backend through a real forwarding HTTP proxy to moto, once with each SDK HTTP client we configure: the
 * url-connection client (the CLI's) and Apache (the one Jenkins' aws-java-sdk2-core plugin provides). The proxy
 * counts what went through it; a {@link RegistryFront} behind it records what reached moto.
 */
@RunWith(Parameterized.class)
public class EcrProxyMotoTest {
    private static final String PROXY_USER = "proxy-user";
    private static final String PROXY_PASSWORD = "proxy-Pa55-never-shown";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final SyntheticImage IMAGE = SyntheticImage.dockerV2("proxied-ecr");
    private static MotoServer moto;
    private static EcrClient sdk;

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> clients() {
        return List.of(new Object[] {EcrHttpClients.Kind.URL_CONNECTION}, new Object[] {EcrHttpClients.Kind.APACHE});
    }

    private final EcrHttpClients.Kind client;
    private ForwardingProxy proxy;
    private RegistryFront front;
    private String name;

    public EcrProxyMotoTest(EcrHttpClients.Kind client) {
        this.client = client;
    }

    @BeforeClass
    public static void startMoto() {
        moto = MotoServer.shared();
        sdk = EcrTestSupport.sdk(moto.endpoint());
    }

    @AfterClass
    public static void closeSdk() {
        if (sdk != null) {
            sdk.close();
        }
    }

    @Before
    public void seedAndStartProxy() {
        name = "proxy/app-" + COUNTER.incrementAndGet();
        sdk.createRepository(b -> b.repositoryName(name));
        EcrTestSupport.seed(sdk, name, IMAGE, "build-1");
        proxy = ForwardingProxy.start();
        front = RegistryFront.start(URI.create(moto.endpoint()));
    }

    @After
    public void stopProxy() {
        proxy.close();
        front.close();
    }

    private EcrRegistry open(String endpoint, RegistryOptions.Proxy p) throws RegistryException {
        return new EcrClientFactory(EcrTestSupport.options(endpoint).proxy(p).build())
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .httpClient(client)
                .open(EcrTestSupport.repository(name));
    }

    private RegistryOptions.Proxy theProxy(String user, String password, List<String> noProxyHosts) {
        return new RegistryOptions.Proxy(proxy.host(), proxy.port(), user, password, noProxyHosts);
    }

    private static void retag(EcrRegistry r) throws Exception {
        RawManifest m = r.getManifest(ImageRef.of(Tag.of("build-1"))).orElseThrow();
        r.putManifest(Tag.of("testing"), m);
        assertEquals(IMAGE.manifest().digest(), r.resolve(ImageRef.of(Tag.of("testing"))).orElseThrow());
    }

    @Test
    public void retag_throughProxy_sendsEveryEcrCallThroughIt() throws Exception {
        try (EcrRegistry r = open(moto.endpoint(), theProxy(null, null, List.of()))) {
            retag(r);
        }
        List<ForwardingProxy.Request> seen = proxy.requests();
        assertTrue("ECR calls through the proxy: " + seen, seen.size() >= 3);
        String motoAuthority = URI.create(moto.endpoint()).getRawAuthority();
        for (ForwardingProxy.Request req : seen) {
            assertEquals(req.toString(), motoAuthority, req.target().getRawAuthority());
        }
    }

    @Test
    public void retag_withNoProxyHostMatchingTheEndpoint_goesDirect() throws Exception {
        try (EcrRegistry r = open(moto.endpoint(), theProxy(null, null, List.of("example.com", "127.0.0.*")))) {
            retag(r);
        }
        assertEquals("nothing through the proxy", List.of(), proxy.requests());
    }

    @Test
    public void retag_throughAuthenticatingProxy_sendsProxyCredentialsToTheProxyOnly() throws Exception {
        proxy.requireCredentials(PROXY_USER, PROXY_PASSWORD);
        try (EcrRegistry r = open(front.uri().toString(), theProxy(PROXY_USER, PROXY_PASSWORD, List.of()))) {
            retag(r);
        }
        assertTrue("calls forwarded with the proxy's credentials: " + proxy.requests(), proxy.forwarded() >= 3);
        assertFalse(front.requests().isEmpty());
        for (RegistryFront.Request req : front.requests()) {
            assertNull("no proxy credentials reach the ECR endpoint: " + req, req.header("Proxy-Authorization"));
        }
    }

    @Test
    public void noProxyHost_withAuthenticatingProxy_sendsNoProxyCredentialsToTheEndpoint() throws Exception {
        proxy.requireCredentials(PROXY_USER, PROXY_PASSWORD);
        try (EcrRegistry r = open(front.uri().toString(), theProxy(PROXY_USER, PROXY_PASSWORD, List.of("127.0.0.1")))) {
            retag(r);
        }
        assertEquals(List.of(), proxy.requests());
        for (RegistryFront.Request req : front.requests()) {
            assertNull(req.toString(), req.header("Proxy-Authorization"));
        }
    }

    @Test
    public void wrongProxyPassword_failsWithoutShowingThePassword() throws Exception {
        proxy.requireCredentials(PROXY_USER, PROXY_PASSWORD);
        String wrong = "wrong-proxy-Pa55-xyz";
        try (EcrRegistry r = open(moto.endpoint(), theProxy(PROXY_USER, wrong, List.of()))) {
            RegistryException e = assertThrows(RegistryException.class, () -> r.getManifest(ImageRef.of(Tag.of("build-1"))));
            assertFalse(e.getMessage(), e.getMessage().contains(wrong));
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertFalse(String.valueOf(t), String.valueOf(t).contains(wrong));
            }
        }
        assertEquals("nothing was forwarded", 0, proxy.forwarded());
    }
}
