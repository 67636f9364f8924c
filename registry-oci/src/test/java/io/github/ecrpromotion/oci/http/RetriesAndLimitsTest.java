package io.github.ecrpromotion.oci.http;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.PutResult;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryException.Reason;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.core.registry.RetryPolicy;
import io.github.ecrpromotion.testkit.DockerRegistryServer;
import io.github.ecrpromotion.testkit.RegistryFront;
import io.github.ecrpromotion.testkit.RegistryFront.Misanswer;
import io.github.ecrpromotion.testkit.RegistryFront.Request;
import io.github.ecrpromotion.testkit.SeedClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Section 1 (retries) and section 6 (hostile registries) of issue 8, against a real docker-registry behind a
 * {@link RegistryFront} that answers as registries, proxies and broken networks in the field do. Attempts are counted
 * at the front; no test sleeps or measures time.
 */
public class RetriesAndLimitsTest {
    private static final String NAME = "field/retry";
    private static final SyntheticImage BUILD_1 = SyntheticImage.dockerV2("retry 1");
    private static final SyntheticImage BUILD_2 = SyntheticImage.dockerV2("retry 2");

    private static DockerRegistryServer server;
    private static SeedClient seeder;
    private RegistryFront front;
    private OciRegistry registry;

    @BeforeClass
    public static void startRegistry() throws Exception {
        server = DockerRegistryServer.start();
        seeder = server.seedClient();
        seeder.push(NAME, BUILD_1, "build-1");
        seeder.push(NAME, BUILD_2, "build-2");
    }

    @AfterClass
    public static void stopRegistry() {
        if (server != null) {
            server.close();
        }
    }

    @Before
    public void startFront() {
        front = RegistryFront.start(server.uri());
        registry = open(Duration.ofSeconds(30));
    }

    @After
    public void closeFront() {
        registry.close();
        front.close();
    }

    private OciRegistry open(Duration timeout) {
        return new OciRegistry(Repository.of(front.repository(NAME)),
                RegistryOptions.builder().timeout(timeout).dockerConfig("/nonexistent/config.json").build());
    }

    private static ImageRef tag(String t) {
        return ImageRef.of(Tag.of(t));
    }

    private static Predicate<Request> manifest(String method, String ref) {
        return r -> r.method().equals(method) && r.path().endsWith("/manifests/" + ref);
    }

    private long count(Predicate<Request> match) {
        return front.requests().stream().filter(match).count();
    }

    private static Misanswer status(int status) {
        return Misanswer.status(status, Map.of("Content-Type", "application/json"),
                "{\"errors\":[{\"code\":\"UNAVAILABLE\",\"message\":\"try later\"}]}".getBytes(StandardCharsets.UTF_8));
    }

    // --- retries of reads

    @Test
    public void getManifest_whenAnswered503Then502_isRetried_andTheThirdAttemptSucceeds() throws Exception {
        front.next(manifest("GET", "build-1"), status(503), status(502));
        assertArrayEquals(BUILD_1.manifest().bytes(), registry.getManifest(tag("build-1")).orElseThrow().bytes());
        assertEquals(3, count(manifest("GET", "build-1")));
    }

    @Test
    public void resolve_whenThrottledWithRetryAfterSeconds_waitsAndSucceedsOnTheSecondAttempt() throws Exception {
        front.next(manifest("HEAD", "build-1"), Misanswer.status(429, Map.of("Retry-After", "1")));
        assertEquals(BUILD_1.manifest().digest(), registry.resolve(tag("build-1")).orElseThrow());
        assertEquals(2, count(manifest("HEAD", "build-1")));
    }

    @Test
    public void resolve_whenThrottledWithRetryAfterAsAnHttpDate_honoursIt() throws Exception {
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(1));
        front.next(manifest("HEAD", "build-1"), Misanswer.status(429, Map.of("Retry-After", past)));
        assertEquals(BUILD_1.manifest().digest(), registry.resolve(tag("build-1")).orElseThrow());
        assertEquals(2, count(manifest("HEAD", "build-1")));
    }

    @Test
    public void getManifest_whenRetryAfterIsLongerThanTheCap_failsAtOnceSayingWhy() {
        front.next(manifest("GET", "build-1"), Misanswer.status(429, Map.of("Retry-After", "3600")));
        RegistryException e = assertThrows(RegistryException.class, () -> registry.getManifest(tag("build-1")));
        assertEquals(Reason.UNAVAILABLE, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("HTTP 429"));
        assertTrue(e.getMessage(), e.getMessage().contains("asked to wait 3600 s (Retry-After)"));
        assertEquals(1, count(manifest("GET", "build-1")));
    }

    @Test
    public void getManifest_whenTheConnectionIsResetTwice_isRetried_andSucceeds() throws Exception {
        front.next(manifest("GET", "build-1"), Misanswer.reset(), Misanswer.reset());
        assertArrayEquals(BUILD_1.manifest().bytes(), registry.getManifest(tag("build-1")).orElseThrow().bytes());
        assertEquals(3, count(manifest("GET", "build-1")));
    }

    @Test
    public void getManifest_whenEveryAttemptIs503_givesUpAfterThePolicysAttempts_andSaysHowMany() {
        Misanswer[] always = new Misanswer[RetryPolicy.MAX_ATTEMPTS + 2];
        Arrays.setAll(always, i -> status(503));
        front.next(manifest("GET", "build-1"), always);
        RegistryException e = assertThrows(RegistryException.class, () -> registry.getManifest(tag("build-1")));
        assertEquals(Reason.UNAVAILABLE, e.reason());
        assertTrue(e.isRetryable());
        assertTrue(e.getMessage(), e.getMessage().endsWith("(" + RetryPolicy.MAX_ATTEMPTS + " attempts)"));
        assertEquals(RetryPolicy.MAX_ATTEMPTS, count(manifest("GET", "build-1")));
    }

    @Test
    public void getManifest_whenAnswered500_isNotRetried() {
        front.next(manifest("GET", "build-1"), status(500));
        RegistryException e = assertThrows(RegistryException.class, () -> registry.getManifest(tag("build-1")));
        assertFalse(e.getMessage(), e.getMessage().contains("attempts"));
        assertEquals(1, count(manifest("GET", "build-1")));
    }

    // --- a PUT whose answer was lost

    @Test
    public void putManifest_whenTheAnswerIsLostAfterThePutLanded_isNotSentAgain() throws Exception {
        front.next(manifest("PUT", "lost-landed"), Misanswer.resetAfterForwarding());
        PutResult r = registry.putManifest(Tag.of("lost-landed"), BUILD_1.manifest());
        assertEquals(BUILD_1.manifest().digest(), r.digest());
        assertEquals(1, count(manifest("PUT", "lost-landed")));
        assertEquals(BUILD_1.manifest().digest(), registry.resolve(tag("lost-landed")).orElseThrow());
    }

    @Test
    public void putManifest_whenTheConnectionBreaksBeforeThePutLanded_isSentAgainAfterAReadShowsItDidNotLand()
            throws Exception {
        seeder.push(NAME, BUILD_2, "lost-before");
        front.next(manifest("PUT", "lost-before"), Misanswer.reset());
        registry.putManifest(Tag.of("lost-before"), BUILD_1.manifest());
        List<String> seen = front.requests().stream().filter(Request::isManifest)
                .map(r -> r.method() + " " + r.path().substring(r.path().lastIndexOf('/') + 1)).toList();
        // HEAD before (what the tag pointed at), the lost PUT, the HEAD that shows build 2 still there, the PUT again.
        assertEquals(List.of("HEAD lost-before", "PUT lost-before", "HEAD lost-before", "PUT lost-before"), seen);
        assertEquals(BUILD_1.manifest().digest(), registry.resolve(tag("lost-before")).orElseThrow());
    }

    // --- time and size limits

    @Test
    public void getManifest_whenTheBodyStallsAfterTheHeaders_failsAtTheTimeout() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        try (OciRegistry quick = open(Duration.ofSeconds(1))) {
            front.next(manifest("GET", "build-1"), Misanswer.stalledBody(never));
            RegistryException e = assertThrows(RegistryException.class, () -> quick.getManifest(tag("build-1")));
            assertEquals(Reason.UNAVAILABLE, e.reason());
            assertTrue(e.getMessage(), e.getMessage().contains("within the timeout of 1 s"));
            // The deadline is spent: no second attempt.
            assertEquals(1, count(manifest("GET", "build-1")));
        } finally {
            never.countDown();
        }
    }

    @Test
    public void getManifest_whenTheBodyDripsOneByteAtATime_failsAtTheTimeout() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        try (OciRegistry quick = open(Duration.ofSeconds(1))) {
            // About 500 bytes at one every 100 ms: the body would take nearly a minute.
            front.next(manifest("GET", "build-1"), Misanswer.drip(Duration.ofMillis(100), stop));
            RegistryException e = assertThrows(RegistryException.class, () -> quick.getManifest(tag("build-1")));
            assertEquals(Reason.UNAVAILABLE, e.reason());
            assertTrue(e.getMessage(), e.getMessage().contains("within the timeout of 1 s"));
            assertEquals(1, count(manifest("GET", "build-1")));
        } finally {
            stop.countDown();
        }
    }

    @Test
    public void getManifest_whenContentLengthShowsMoreThan4MiB_isRefusedWithoutReadingTheBody() {
        CountDownLatch never = new CountDownLatch(1);
        try {
            // 100 MB announced, a few bytes sent, then nothing: only refusing on the header ends this before the timeout.
            front.next(manifest("GET", "huge"), Misanswer.declaredLength(100_000_000L, never));
            RegistryException e = assertThrows(RegistryException.class, () -> registry.getManifest(tag("huge")));
            assertEquals(Reason.PROTOCOL, e.reason());
            assertTrue(e.getMessage(), e.getMessage().contains("larger than 4 MiB, the most read for a manifest"));
        } finally {
            never.countDown();
        }
    }

    @Test
    public void getManifest_whenAChunkedBodyPasses4MiB_isRefused() {
        byte[] big = new byte[(4 << 20) + 1];
        Arrays.fill(big, (byte) ' ');
        front.next(manifest("GET", "chunked"), Misanswer.status(200,
                Map.of("Content-Type", "application/vnd.oci.image.manifest.v1+json"), big));
        RegistryException e = assertThrows(RegistryException.class, () -> registry.getManifest(tag("chunked")));
        assertEquals(Reason.PROTOCOL, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("larger than 4 MiB"));
    }

    @Test
    public void listTags_whenLinkHeadersLeadToMorePagesThanTheLimit_isAProtocolErrorSayingSo() {
        Misanswer[] endless = new Misanswer[4];
        Arrays.setAll(endless, i -> Misanswer.status(200, Map.of("Content-Type", "application/json",
                "Link", "</v2/" + NAME + "/tags/list?last=p" + i + "&n=1>; rel=\"next\""),
                ("{\"name\":\"" + NAME + "\",\"tags\":[\"p" + i + "\"]}").getBytes(StandardCharsets.UTF_8)));
        front.next(r -> r.path().endsWith("/tags/list"), endless);
        Transport transport = new Transport(Repository.of(front.repository(NAME)), RegistryOptions.builder()
                .dockerConfig("/nonexistent/config.json").build());
        TagList pages = new TagList(transport, new io.github.ecrpromotion.oci.internal.Warnings(), 3);
        RegistryException e = assertThrows(RegistryException.class, () -> pages.list(Deadline.after(Duration.ofSeconds(30))));
        assertEquals(Reason.PROTOCOL, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("lead to more than 3 pages of tags"));
        assertEquals(3, count(r -> r.path().endsWith("/tags/list")));
    }

    @Test
    public void listTags_whenAPageIsLargerThan8MiB_isRefused() {
        byte[] big = new byte[(8 << 20) + 1];
        Arrays.fill(big, (byte) ' ');
        front.next(r -> r.path().endsWith("/tags/list"), Misanswer.status(200, Map.of("Content-Type", "application/json"), big));
        RegistryException e = assertThrows(RegistryException.class, registry::listTags);
        assertEquals(Reason.PROTOCOL, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("larger than 8 MiB, the most read for a tag list page"));
    }
}
