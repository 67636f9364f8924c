package io.github.ecrpromotion.oci.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.buildtag.BuildTag;
import io.github.ecrpromotion.core.env.Environment;
import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.env.PipelineState;
import io.github.ecrpromotion.core.exec.PromotionExecutor;
import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.plan.PromotionRequest;
import io.github.ecrpromotion.core.plan.PromotionSource;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.oci.http.OciRegistry;
import io.github.ecrpromotion.oci.layout.OciLayout;
import io.github.ecrpromotion.testkit.CountingRegistry;
import io.github.ecrpromotion.testkit.DockerRegistryServer;
import io.github.ecrpromotion.testkit.SeedClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.Test;

/**
 * Benchmark, not a test: not picked up by surefire's default includes, so CI does not run it. Run it with
 * {@code mvn -f registry-oci/pom.xml test -Dtest=PromotionBenchmark}; docs/performance.md records its output.
 * It measures promotions and state reads against a real docker-registry and an on-disk layout, for repositories of
 * growing size, and asserts only call counts (time is printed, never asserted).
 */
public class PromotionBenchmark {
    private static final int[] SIZES = {10, 100, 1000};
    private static final int ROUNDS = 50;
    private static final Instant T0 = Instant.parse("2016-08-24T17:13:38Z");

    private static String buildTag(int n) throws Exception {
        return BuildTag.generate(T0.plusSeconds(60L * n), "5ad95f2", "ecs-demo", n).toString();
    }

    @Test
    public void dockerRegistry() throws Exception {
        for (int size : SIZES) {
            try (DockerRegistryServer server = DockerRegistryServer.start()) {
                SeedClient seed = server.seedClient();
                for (int n = 1; n <= size; n++) {
                    seed.push("bench/app", SyntheticImage.dockerV2("build " + n), buildTag(n));
                }
                seed.push("bench/app", SyntheticImage.dockerV2("build " + size), "testing");
                seed.push("bench/app", SyntheticImage.dockerV2("build " + (size - 1)), "staging");
                seed.push("bench/app", SyntheticImage.dockerV2("build " + (size - 2)), "production");
                OciRegistry oci = new OciRegistry(Repository.of(server.hostPort() + "/bench/app"),
                        RegistryOptions.builder().dockerConfig("/nonexistent/config.json").build());
                run("docker-registry", size, new CountingRegistry(oci, false));
            }
        }
    }

    @Test
    public void layout() throws Exception {
        for (int size : SIZES) {
            Path dir = Files.createTempDirectory("bench-layout");
            OciLayout layout = OciLayout.create(dir);
            for (int n = 1; n <= size; n++) {
                layout.push(SyntheticImage.dockerV2("build " + n), Tag.of(buildTag(n)));
            }
            layout.push(SyntheticImage.dockerV2("build " + size), Tag.of("testing"));
            layout.push(SyntheticImage.dockerV2("build " + (size - 1)), Tag.of("staging"));
            layout.push(SyntheticImage.dockerV2("build " + (size - 2)), Tag.of("production"));
            run("oci layout", size, new CountingRegistry(layout.registry(), true));
        }
    }

    private void run(String backend, int size, CountingRegistry registry) throws Exception {
        PromotionExecutor exec = new PromotionExecutor(registry, EnvironmentChain.DEFAULT);
        exec.state();
        registry.reset();
        long t = System.nanoTime();
        PipelineState state = null;
        for (int i = 0; i < ROUNDS; i++) {
            state = exec.state();
        }
        double stateMs = (System.nanoTime() - t) / 1e6 / ROUNDS;
        int stateCalls = registry.total() / ROUNDS;
        assertEquals(buildTag(size), state.asMap().get("testing"));
        assertEquals(buildTag(size - 2), state.asMap().get("production"));

        // Alternate production between two builds: every round really moves the tag.
        registry.reset();
        t = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            String target = buildTag(i % 2 == 0 ? size - 3 : size - 2);
            assertTrue(exec.promote(new PromotionRequest(Environment.of("production"),
                    new PromotionSource.ByBuildTag(BuildTag.parse(target))), false).changed());
        }
        double promoteMs = (System.nanoTime() - t) / 1e6 / ROUNDS;
        int reads = registry.calls().getOrDefault("getManifest", 0) / ROUNDS;
        int writes = registry.calls().getOrDefault("putManifest", 0) / ROUNDS;
        assertEquals(1, reads);
        assertEquals(1, writes);
        System.out.printf("BENCH %-16s tags=%5d  state %7.2f ms (%d calls %s)  promote %7.2f ms (%d calls: %s)%n",
                backend, size + 3, stateMs, stateCalls, "", promoteMs, registry.total() / ROUNDS, perRound(registry));
    }

    private static String perRound(CountingRegistry r) {
        StringBuilder out = new StringBuilder();
        r.calls().forEach((k, v) -> out.append(out.length() == 0 ? "" : ", ").append(k).append('=').append(v / (double) ROUNDS));
        return out.toString();
    }
}
