package io.github.ecrpromotion.oci.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The concurrent HEADs of {@link ImageLookup} against a registry that answers them in parallel (the scripted server
 * answers one at a time): a HEAD that stalls among eight ends at the operation's deadline, and no lookup thread
 * outlives its registry object, as a Jenkins controller running many operations needs.
 */
public class LookupThreadsAttackTest {
    private static final int TAGS = 12;
    private static final String STALLING = tag(5);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger heads = new AtomicInteger();
    private volatile boolean stall;
    private HttpServer server;
    private ExecutorService handlers;

    private static String tag(int n) {
        return String.format("2024.01.01T00.00.00Z.%07x-app-%d", n, n);
    }

    private static Digest image(String tag) {
        return Digest.sha256(tag.getBytes(StandardCharsets.UTF_8));
    }

    private java.util.Set<Thread> before;

    @Before
    public void start() throws Exception {
        before = java.util.Set.copyOf(Thread.getAllStackTraces().keySet());
        handlers = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", ex -> {
            try (ex) {
                String path = ex.getRequestURI().getPath();
                if (path.endsWith("/tags/list")) {
                    List<String> names = new ArrayList<>();
                    for (int n = 1; n <= TAGS; n++) {
                        names.add("\"" + tag(n) + "\"");
                    }
                    byte[] body = ("{\"name\":\"demo/app\",\"tags\":[" + String.join(",", names) + "]}")
                            .getBytes(StandardCharsets.UTF_8);
                    ex.getResponseHeaders().add("Content-Type", "application/json");
                    ex.sendResponseHeaders(200, body.length);
                    ex.getResponseBody().write(body);
                    return;
                }
                String t = path.substring(path.lastIndexOf('/') + 1);
                heads.incrementAndGet();
                if (stall && t.equals(STALLING)) {
                    release.await();
                    return;
                }
                ex.getResponseHeaders().add("Docker-Content-Digest", image(t).toString());
                ex.getResponseHeaders().add("Content-Type", "application/vnd.docker.distribution.manifest.v2+json");
                ex.sendResponseHeaders(200, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    @After
    public void stop() {
        release.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    private OciRegistry open(Duration timeout) {
        return new OciRegistry(Repository.of("127.0.0.1:" + server.getAddress().getPort() + "/demo/app"),
                RegistryOptions.builder().timeout(timeout).timeoutCoversOperation(true)
                        .dockerConfig("/nonexistent/config.json").build());
    }

    /** Lookup threads of this JVM, but those other tests left before this one started. */
    private List<Thread> lookupThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("registry-lookup-") && !before.contains(t)).toList();
    }

    /** This test's lookup threads still alive after a generous wait for them to end: zero unless they leak. */
    private long leaked() throws InterruptedException {
        for (Thread t : lookupThreads()) {
            t.join(10_000);
        }
        return lookupThreads().stream().filter(Thread::isAlive).count();
    }

    @Test
    public void aHeadThatStallsAmongEight_endsTheOperationAtItsDeadline_andLeavesNoThread() throws Exception {
        stall = true;
        OciRegistry r = open(Duration.ofSeconds(2));
        RegistryException e;
        try {
            e = assertThrows(RegistryException.class, () -> r.tagsOf(image(tag(1))));
        } finally {
            r.close();
        }
        assertTrue(e.getMessage(), e.getMessage().contains("timeout"));
        assertEquals(0, leaked());
    }

    @Test
    public void fiftyOperationsInOneJvm_leaveNoLookupThread() throws Exception {
        for (int i = 0; i < 50; i++) {
            OciRegistry r = open(Duration.ofSeconds(30));
            try {
                assertEquals(1, r.tagsOf(image(tag(3))).size());
            } finally {
                r.close();
            }
        }
        assertEquals(50 * TAGS, heads.get());
        assertEquals(0, leaked());
    }

    /** A registry object nobody closes (a caller's bug) leaves no idle lookup thread behind for ever either. */
    @Test
    public void aRegistryObjectNeverClosed_leavesNoLookupThreadForEver() throws Exception {
        OciRegistry r = open(Duration.ofSeconds(30));
        assertEquals(1, r.tagsOf(image(tag(3))).size());
        assertTrue(!lookupThreads().isEmpty());
        assertEquals(0, leaked());
    }
}
