package io.github.ecrpromotion.oci.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.buildtag.BuildTag;
import io.github.ecrpromotion.core.env.Environment;
import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.exec.PromotionExecutor;
import io.github.ecrpromotion.core.exec.PromotionResult;
import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.plan.PromotionRequest;
import io.github.ecrpromotion.core.plan.PromotionSource;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.oci.http.ScriptedServer.Reply;
import io.github.ecrpromotion.oci.http.ScriptedServer.Request;
import io.github.ecrpromotion.testkit.DockerRegistryServer;
import io.github.ecrpromotion.testkit.SeedClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

/**
 * What a promotion costs against a real docker-registry: a recording proxy in front of it counts the requests. The
 * manifest moves with exactly one GET and one PUT; everything else is HEADs and one tag listing.
 */
public class PromotionCostTest {
    private static final String B10 = "2016.08.24T17.13.38Z.5ad95f2-ecs-demo-10";
    private static final String B11 = "2016.08.24T17.20.02Z.6be0a13-ecs-demo-11";
    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection", "http2-settings");

    @Test
    public void promote_fromTestingToStaging_costsOneManifestGetAndOnePut() throws Exception {
        try (DockerRegistryServer registry = DockerRegistryServer.start()) {
            SeedClient seed = registry.seedClient();
            SyntheticImage b10 = SyntheticImage.dockerV2("build 10");
            SyntheticImage b11 = SyntheticImage.dockerV2("build 11");
            seed.push("cost/app", b10, B10);
            seed.push("cost/app", b10, "staging");
            seed.push("cost/app", b11, B11);
            seed.push("cost/app", b11, "testing");
            try (ScriptedServer proxy = new ScriptedServer(forwardTo(registry.uri()))) {
                OciRegistry r = new OciRegistry(Repository.of(proxy.hostPort() + "/cost/app"),
                        RegistryOptions.builder().dockerConfig("/nonexistent/config.json").build());
                PromotionResult result = new PromotionExecutor(r, EnvironmentChain.DEFAULT).promote(
                        new PromotionRequest(Environment.of("staging"),
                                new PromotionSource.FromEnvironment(Environment.of("testing"))), false);
                assertTrue(result.changed());
                assertEquals(Tag.of(B11), result.buildTag().orElseThrow());
                assertEquals(Tag.of(B10), result.previousBuildTag().orElseThrow());

                List<String> seen = proxy.requests().stream().map(q -> q.method() + " " + q.path()).toList();
                long manifestGets = seen.stream().filter(s -> s.startsWith("GET /v2/cost/app/manifests/")).count();
                long manifestPuts = seen.stream().filter(s -> s.startsWith("PUT /v2/cost/app/manifests/")).count();
                assertEquals(seen.toString(), 1, manifestGets);
                assertEquals(seen.toString(), 1, manifestPuts);
                assertTrue(seen.toString(), seen.contains("PUT /v2/cost/app/manifests/staging"));
                assertTrue(seen.toString(), seen.stream().allMatch(s -> s.startsWith("HEAD ") || s.startsWith("GET ")
                        || s.equals("PUT /v2/cost/app/manifests/staging")));
                assertEquals(b11.manifest().digest(), r.resolve(ImageRef.of(Tag.of("staging"))).orElseThrow());
            }
        }
    }

    /** Forwards each request to the registry unchanged (minus hop-by-hop headers) and relays the answer. */
    private static java.util.function.Function<Request, Reply> forwardTo(URI upstream) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return req -> {
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(upstream.resolve(req.target())).timeout(Duration.ofSeconds(30))
                        .method(req.method(), req.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(req.body()));
                req.headers().forEach((k, v) -> {
                    if (!HOP_BY_HOP.contains(k)) {
                        b.header(k, v);
                    }
                });
                HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                Map<String, String> headers = new LinkedHashMap<>();
                r.headers().map().forEach((k, v) -> {
                    if (!HOP_BY_HOP.contains(k.toLowerCase()) && !k.equals(":status")) {
                        headers.put(k, String.join(",", v));
                    }
                });
                return new Reply(r.statusCode(), headers, r.body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
