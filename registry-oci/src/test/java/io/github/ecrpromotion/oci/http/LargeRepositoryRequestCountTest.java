package io.github.ecrpromotion.oci.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.buildtag.BuildTag;
import io.github.ecrpromotion.core.env.Environment;
import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.env.PipelineState;
import io.github.ecrpromotion.core.exec.PromotionExecutor;
import io.github.ecrpromotion.core.exec.PromotionResult;
import io.github.ecrpromotion.core.exec.TagResult;
import io.github.ecrpromotion.core.image.Blob;
import io.github.ecrpromotion.core.plan.PromotionRequest;
import io.github.ecrpromotion.core.plan.PromotionSource;
import io.github.ecrpromotion.core.plan.TagRequest;
import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.MediaTypes;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.BuildTagDigests;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.testkit.DockerRegistryServer;
import io.github.ecrpromotion.testkit.RegistryFront;
import io.github.ecrpromotion.testkit.SeedClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * What {@code state}, {@code to} and {@code tag} cost in requests on a real docker-registry holding 5,000 builds, each
 * build its own image with its own build tag, and the environments on old builds: production on build 100, staging on
 * build 300, testing on build 4,990. A {@link RegistryFront} counts every request. Each run opens a new registry
 * object, as a new process does, over one cache directory: the first run is cold (a HEAD per build tag newer than the
 * oldest environment, sent 8 at a time), the second warm (the tag listing plus a few HEADs, whatever the age of the
 * builds). Before the cache, every run cost what the cold one does, one HEAD at a time.
 */
public class LargeRepositoryRequestCountTest {
    static final int BUILDS = 5_000;
    private static final String NAME = "big/app";
    private static final Instant FIRST = Instant.parse("2024-01-01T00:00:00Z");

    private static DockerRegistryServer server;
    private static SeedClient seeder;
    private static RegistryFront front;
    private static final List<RawManifest> images = new ArrayList<>();
    private static final AtomicInteger extra = new AtomicInteger();

    private Path cache;

    static Tag build(int n) {
        return BuildTag.of(FIRST.plusSeconds(60L * n), String.format("%07x", n * 7919L), "app", n).tag();
    }

    /** An OCI manifest of its own (an annotation tells them apart) over one shared config and layer: one PUT a build. */
    static RawManifest image(String label, Blob config, Blob layer) {
        String json = "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\","
                + "\"config\":{\"mediaType\":\"" + MediaTypes.OCI_CONFIG + "\",\"size\":" + config.size()
                + ",\"digest\":\"" + config.digest() + "\"},"
                + "\"layers\":[{\"mediaType\":\"" + MediaTypes.OCI_LAYER + "\",\"size\":" + layer.size()
                + ",\"digest\":\"" + layer.digest() + "\"}],"
                + "\"annotations\":{\"build\":\"" + label + "\"}}";
        return RawManifest.of(json.getBytes(StandardCharsets.UTF_8), MediaTypes.OCI_MANIFEST);
    }

    private static Blob config;
    private static Blob layer;

    @BeforeClass
    public static void seed() throws Exception {
        server = DockerRegistryServer.startInRam();
        seeder = server.seedClient();
        io.github.ecrpromotion.core.image.SyntheticImage base = io.github.ecrpromotion.core.image.SyntheticImage.ociManifest("base");
        config = base.blobs().get(0);
        layer = base.blobs().get(1);
        for (Blob b : base.allBlobs()) {
            seeder.pushBlob(NAME, b.bytes());
        }
        images.add(null);
        for (int n = 1; n <= BUILDS; n++) {
            images.add(image("build " + n, config, layer));
        }
        // Build 1 through the API, so the registry lays out the repository itself; the others straight on its disk.
        seeder.putManifest(NAME, build(1).value(), images.get(1));
        Map<String, RawManifest> rest = new java.util.LinkedHashMap<>();
        for (int n = 2; n <= BUILDS; n++) {
            rest.put(build(n).value(), images.get(n));
        }
        server.writeTags(NAME, rest);
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
    public void environmentsOnOldBuilds() throws Exception {
        seeder.putManifest(NAME, "production", images.get(100));
        seeder.putManifest(NAME, "staging", images.get(300));
        seeder.putManifest(NAME, "testing", images.get(4_990));
        cache = Files.createTempDirectory("build-tag-cache");
        front.reset();
    }

    private OciRegistry open() {
        return new OciRegistry(Repository.of(front.repository(NAME)), RegistryOptions.builder()
                .dockerConfig("/nonexistent/config.json").timeout(Duration.ofSeconds(120)).timeoutCoversOperation(true)
                .buildTagDigests(BuildTagDigests.inDirectory(cache)).build());
    }

    /** Requests since the last call, by "METHOD what": manifests (by tag role), tags/list. */
    private static Map<String, Integer> counted() {
        Map<String, Integer> out = new TreeMap<>();
        for (RegistryFront.Request r : front.requests()) {
            String path = r.path();
            String what = path.endsWith("/tags/list") ? "tags/list"
                    : path.contains("/manifests/") ? "manifest" : path;
            out.merge(r.method() + " " + what, 1, Integer::sum);
        }
        front.reset();
        return out;
    }

    private static int total(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Build tags newer than build n (at the time of the call): what a cold walk down to build n must ask. */
    private static int buildTagsNewerThan(int n) {
        try (OciRegistry r = new OciRegistry(Repository.of(server.repository(NAME)), RegistryOptions.builder()
                .dockerConfig("/nonexistent/config.json").build())) {
            Tag limit = build(n);
            return (int) r.listTags().stream().filter(BuildTag::isBuildTag)
                    .filter(t -> io.github.ecrpromotion.core.buildtag.BuildTagOrder.BUILD_TAGS_NEWEST_FIRST.compare(t, limit) < 0)
                    .count();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private PipelineState state() throws Exception {
        try (OciRegistry r = open()) {
            return new PromotionExecutor(r, EnvironmentChain.DEFAULT).state();
        }
    }

    @Test
    public void state_environmentsOnOldBuilds_coldWalksOnceThenWarmCostsTheListingAndSixHeads() throws Exception {
        int newer = buildTagsNewerThan(100);
        front.reset();
        PipelineState cold = state();
        Map<String, Integer> coldCounts = counted();
        assertEquals(Optional.of(build(100)), cold.get(Environment.of("production")).orElseThrow().buildTag());
        assertEquals(Optional.of(build(300)), cold.get(Environment.of("staging")).orElseThrow().buildTag());
        assertEquals(Optional.of(build(4_990)), cold.get(Environment.of("testing")).orElseThrow().buildTag());
        // 3 environment HEADs, the listing, then each build tag down to build 100 once (the last batch may overshoot).
        assertEquals(coldCounts.toString(), 1, (int) coldCounts.get("GET tags/list"));
        assertTrue(coldCounts.toString(), coldCounts.get("HEAD manifest") >= 3 + newer + 1);
        assertTrue(coldCounts.toString(), coldCounts.get("HEAD manifest") <= 3 + newer + ImageLookup.PARALLEL);
        assertEquals(coldCounts.toString(), total(coldCounts), coldCounts.get("HEAD manifest") + 1);

        PipelineState warm = state();
        Map<String, Integer> warmCounts = counted();
        assertEquals(cold.toString(), warm.toString());
        // 3 environment HEADs, the listing, one confirming HEAD of each environment's build tag. Before: as cold.
        assertEquals(Map.of("HEAD manifest", 6, "GET tags/list", 1), warmCounts);
    }

    @Test
    public void to_productionFromStaging_bothOnOldBuilds_warmCostsTenRequestsWhateverTheRepositorySize() throws Exception {
        int newer = buildTagsNewerThan(100);
        front.reset();
        PromotionResult cold = promote();
        Map<String, Integer> coldCounts = counted();
        assertEquals(Optional.of(build(300)), cold.buildTag());
        assertEquals(Optional.of(build(100)), cold.previousBuildTag());
        assertEquals(coldCounts.toString(), 1, (int) coldCounts.get("GET manifest"));
        assertEquals(coldCounts.toString(), 1, (int) coldCounts.get("PUT manifest"));
        assertEquals(coldCounts.toString(), 1, (int) coldCounts.get("GET tags/list"));
        // GET staging; HEAD production and staging; listing; the walk down to build 100; the HEAD before the PUT; PUT;
        // the read-back; the HEAD showing build 100's image kept a tag.
        int walk = coldCounts.get("HEAD manifest") - 5;
        assertTrue(coldCounts.toString(), walk >= newer + 1 && walk <= newer + ImageLookup.PARALLEL);

        seeder.putManifest(NAME, "production", images.get(100));
        front.reset();
        PromotionResult warm = promote();
        Map<String, Integer> warmCounts = counted();
        assertEquals(cold.buildTag(), warm.buildTag());
        assertEquals(cold.previousBuildTag(), warm.previousBuildTag());
        assertTrue(warm.changed());
        // The walk is two confirming HEADs (build 300 and build 100) instead of ~4,900. Before: as cold.
        assertEquals(Map.of("GET manifest", 1, "HEAD manifest", 7, "GET tags/list", 1, "PUT manifest", 1), warmCounts);
        assertEquals(images.get(300).digest(), resolve("production"));
    }

    private PromotionResult promote() throws Exception {
        try (OciRegistry r = open()) {
            return new PromotionExecutor(r, EnvironmentChain.DEFAULT).promote(new PromotionRequest(
                    Environment.of("production"), new PromotionSource.FromEnvironment(Environment.of("staging"))), false);
        }
    }

    private static Digest resolve(String tag) throws Exception {
        try (OciRegistry r = new OciRegistry(Repository.of(server.repository(NAME)), RegistryOptions.builder()
                .dockerConfig("/nonexistent/config.json").build())) {
            return r.resolve(ImageRef.of(Tag.of(tag))).orElseThrow();
        }
    }

    @Test
    public void tag_aNewBuild_asksEveryBuildTagOnceEvenWarm_becauseNoTagOnTheImageIsNeverTakenFromMemory() throws Exception {
        for (String run : List.of("cold", "warm")) {
            int n = BUILDS + 1 + extra.getAndIncrement();
            RawManifest fresh = image("new build " + n, config, layer);
            seeder.putManifest(NAME, "candidate-" + n, fresh);
            int buildTags = buildTagsNewerThan(0);
            front.reset();
            TagResult result;
            try (OciRegistry r = open()) {
                result = new PromotionExecutor(r, EnvironmentChain.DEFAULT).applyTags(new TagRequest(
                        ImageRef.of(Tag.of("candidate-" + n)), BuildTag.parse(build(n).value()), Optional.empty()), false);
            }
            Map<String, Integer> counts = counted();
            assertTrue(run, result.changed());
            assertEquals(fresh.digest(), resolve(build(n).value()));
            // Each build tag is asked once: "this image has no build tag yet" rests on the registry's answers. Besides:
            // the new build tag's absence (HEAD + GET) before planning and again just before the PUT, its read-back;
            // the source's GET and no HEAD of it (before: one more); three listings (before the plan, the walk, and
            // after the write, for build tags that appeared meanwhile).
            assertEquals(run + " " + counts, Map.of("HEAD manifest", buildTags + 3, "GET manifest", 3,
                    "GET tags/list", 3, "PUT manifest", 1), counts);
        }
    }
}
