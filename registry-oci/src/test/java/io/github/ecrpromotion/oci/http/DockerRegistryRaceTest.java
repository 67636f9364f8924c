package io.github.ecrpromotion.oci.http;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.testkit.DockerRegistryServer;
import io.github.ecrpromotion.testkit.RaceContract;
import io.github.ecrpromotion.testkit.RegistryFront;
import io.github.ecrpromotion.testkit.SeedClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.AfterClass;
import org.junit.BeforeClass;

/**
 * The race suite against a real docker-registry: each run reaches it through a {@link RegistryFront} of its own, where
 * the test holds that run's manifest requests.
 */
public class DockerRegistryRaceTest extends RaceContract {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static DockerRegistryServer server;
    private static SeedClient seeder;
    private String name;

    @BeforeClass
    public static void startRegistry() {
        server = DockerRegistryServer.start();
        seeder = server.seedClient();
    }

    @AfterClass
    public static void stopRegistry() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected void newRepository() {
        name = "race/repo-" + COUNTER.incrementAndGet();
    }

    @Override
    protected Run newRun() {
        RegistryFront front = RegistryFront.start(server.uri());
        OciRegistry registry = new OciRegistry(Repository.of(front.repository(name)),
                RegistryOptions.builder().timeout(Duration.ofSeconds(30)).dockerConfig("/nonexistent/config.json").build());
        String manifests = "/v2/" + name + "/manifests/";
        return new Run() {
            @Override
            public Registry registry() {
                return registry;
            }

            @Override
            public Gate holdWrite(Tag tag) {
                return gate(front.hold(r -> r.method().equals("PUT") && r.path().equals(manifests + tag)));
            }

            @Override
            public Gate holdRead(Tag tag) {
                return gate(front.hold(r -> (r.method().equals("HEAD") || r.method().equals("GET"))
                        && r.path().equals(manifests + tag)));
            }

            @Override
            public void acknowledgeWritesWithoutStoring() {
                front.acknowledgeManifestPutsWithoutStoring(true);
            }

            @Override
            public void close() {
                registry.close();
                front.close();
            }
        };
    }

    @Override
    protected void seed(SyntheticImage image, String tag) throws Exception {
        seeder.push(name, image, tag);
    }
}
