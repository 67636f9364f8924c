package io.github.ecrpromotion.oci.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.PromotionRefusedException;
import io.github.ecrpromotion.core.buildtag.BuildTag;
import io.github.ecrpromotion.core.env.Environment;
import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.env.PipelineState;
import io.github.ecrpromotion.core.exec.PromotionExecutor;
import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.plan.PromotionRequest;
import io.github.ecrpromotion.core.plan.PromotionSource;
import io.github.ecrpromotion.core.plan.TagRequest;
import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.BuildTagDigests;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.testkit.DockerRegistryServer;
import io.github.ecrpromotion.testkit.RegistryFront;
import io.github.ecrpromotion.testkit.SeedClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The build tag cache can save requests but never decide a rule: against a real docker-registry, a cache that lies
 * (as a stale file, another tool re-pushing a build tag, or a planted file would) cannot make a guard pass, and a
 * remembered answer the registry contradicts is dropped.
 */
public class BuildTagCacheTest {
    private static final Tag B10 = Tag.of("2016.08.24T17.13.38Z.5ad95f2-ecs-demo-10");
    private static final Tag B11 = Tag.of("2016.08.24T17.20.02Z.6be0a13-ecs-demo-11");
    private static final Tag B12 = Tag.of("2016.08.25T09.00.00Z.7cf1b24-ecs-demo-12");
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private static DockerRegistryServer server;
    private static SeedClient seeder;
    private static RegistryFront front;

    private String name;
    private Repository repository;
    private BuildTagDigests store;

    @BeforeClass
    public static void start() {
        server = DockerRegistryServer.start();
        seeder = server.seedClient();
        front = RegistryFront.start(server.uri());
    }

    @AfterClass
    public static void stop() {
        if (front != null) {
            front.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Before
    public void newRepository() {
        name = "cache/app-" + COUNTER.incrementAndGet();
        repository = Repository.of(front.repository(name));
        store = BuildTagDigests.inMemory();
        front.reset();
    }

    private OciRegistry open() {
        return new OciRegistry(repository, RegistryOptions.builder().dockerConfig("/nonexistent/config.json")
                .timeout(Duration.ofSeconds(30)).buildTagDigests(store).build());
    }

    private long heads() {
        return front.requests().stream().filter(r -> r.method().equals("HEAD")).count();
    }

    @Test
    public void to_whenTheCacheSaysTheTargetsImageHasABuildTag_butItHasNone_isStillRefusedAsItsLastTag() throws Exception {
        SyntheticImage b10 = SyntheticImage.dockerV2("build 10");
        SyntheticImage z = SyntheticImage.dockerV2("image z, tagged only staging");
        seeder.push(name, b10, B10.value());
        seeder.push(name, b10, "testing");
        seeder.push(name, z, "staging");
        // The lie: build 10's tag names z, so z would seem to keep a tag when staging moves off it.
        store.update(repository, Map.of(B10, z.manifest().digest()), Set.of());
        try (OciRegistry r = open()) {
            PromotionRefusedException e = assertThrows(PromotionRefusedException.class, () ->
                    new PromotionExecutor(r, EnvironmentChain.DEFAULT).promote(new PromotionRequest(
                            Environment.of("staging"), new PromotionSource.FromEnvironment(Environment.of("testing"))), false));
            assertEquals(e.getMessage(), PromotionRefusedException.Policy.LAST_TAG, e.policy());
        }
        assertEquals(Optional.of(z.manifest().digest()), resolve("staging"));
        assertEquals("the confirming HEAD replaced the lie", b10.manifest().digest(), store.load(repository).get(B10));
    }

    @Test
    public void tag_whenTheCacheHidesTheBuildTagTheImageAlreadyHas_isStillRefused() throws Exception {
        SyntheticImage y = SyntheticImage.dockerV2("image y, already build 11");
        SyntheticImage other = SyntheticImage.dockerV2("another image");
        seeder.push(name, y, B11.value());
        seeder.push(name, y, "candidate");
        seeder.push(name, other, B10.value());
        // The lie: build 11's tag names another image, so y would seem to be no build yet.
        store.update(repository, Map.of(B11, other.manifest().digest(), B10, other.manifest().digest()), Set.of());
        try (OciRegistry r = open()) {
            PromotionRefusedException e = assertThrows(PromotionRefusedException.class, () ->
                    new PromotionExecutor(r, EnvironmentChain.DEFAULT).applyTags(new TagRequest(
                            ImageRef.of(Tag.of("candidate")), BuildTag.parse(B12.value()), Optional.empty()), false));
            assertEquals(e.getMessage(), PromotionRefusedException.Policy.IMAGE_OF_ANOTHER_BUILD, e.policy());
            assertTrue(e.getMessage(), e.getMessage().contains(B11.value()));
        }
        assertEquals(Optional.empty(), resolve(B12.value()));
        assertEquals(y.manifest().digest(), store.load(repository).get(B11));
    }

    @Test
    public void state_whenARememberedBuildTagNowNamesAnotherImage_forgetsItAndFindsTheTrueOne() throws Exception {
        SyntheticImage b10 = SyntheticImage.dockerV2("build 10");
        SyntheticImage b11 = SyntheticImage.dockerV2("build 11");
        productionOnBuild10WithBuild11TaggedTwice(b10, b11);
        // Remembered: build 12's tag on production's image (another tool has re-pushed it onto build 11's since).
        store.update(repository, Map.of(B12, b10.manifest().digest()), Set.of());
        PipelineState s;
        try (OciRegistry r = open()) {
            s = new PromotionExecutor(r, EnvironmentChain.DEFAULT).state();
        }
        assertEquals(Optional.of(B10), s.get(Environment.of("production")).orElseThrow().buildTag());
        assertEquals(b11.manifest().digest(), store.load(repository).get(B12));
        assertEquals(b10.manifest().digest(), store.load(repository).get(B10));

        // Now the cache is true: the next run asks production, lists, and confirms build 10 with one HEAD.
        front.reset();
        try (OciRegistry r = open()) {
            s = new PromotionExecutor(r, EnvironmentChain.DEFAULT).state();
        }
        assertEquals(Optional.of(B10), s.get(Environment.of("production")).orElseThrow().buildTag());
        assertEquals(front.requests().toString(), 3 + 1, heads());
    }

    @Test
    public void aRegistryObjectWithoutAStore_asksEachBuildTagOnceWhileItIsOpen() throws Exception {
        SyntheticImage b10 = SyntheticImage.dockerV2("build 10");
        SyntheticImage b11 = SyntheticImage.dockerV2("build 11");
        productionOnBuild10WithBuild11TaggedTwice(b10, b11);
        store = BuildTagDigests.NONE;
        try (OciRegistry r = open()) {
            PromotionExecutor exec = new PromotionExecutor(r, EnvironmentChain.DEFAULT);
            exec.state();
            front.reset();
            assertEquals(Optional.of(B10), exec.state().get(Environment.of("production")).orElseThrow().buildTag());
            // testing and staging (absent), production; no build tag again: this object asked them itself, and build
            // tags never move.
            assertEquals(front.requests().toString(), 3, heads());
        }
    }

    /** Build 10 in production; build 11's image also carries build 12's tag (another tool put it there). */
    private void productionOnBuild10WithBuild11TaggedTwice(SyntheticImage b10, SyntheticImage b11) throws Exception {
        seeder.push(name, b10, B10.value());
        seeder.push(name, b10, "production");
        seeder.push(name, b11, B11.value());
        seeder.push(name, b11, B12.value());
    }

    private Optional<Digest> resolve(String tag) throws Exception {
        try (OciRegistry r = new OciRegistry(Repository.of(server.repository(name)), RegistryOptions.builder()
                .dockerConfig("/nonexistent/config.json").build())) {
            return r.resolve(ImageRef.of(Tag.of(tag)));
        }
    }
}
