package io.github.ecrpromotion.oci.http;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.testkit.DockerRegistryServer;
import io.github.ecrpromotion.testkit.RegistryContract;
import io.github.ecrpromotion.testkit.RegistryFront;
import io.github.ecrpromotion.testkit.SeedClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.AfterClass;
import org.junit.BeforeClass;

/**
 * The whole contract suite against a real docker-registry seen through a {@link RegistryFront} that misbehaves as
 * some registry in the field does; a subclass says how. Seeding goes straight to the registry, not through the front.
 */
public abstract class FrontedDockerRegistryContract extends RegistryContract {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static DockerRegistryServer server;
    private static SeedClient seeder;
    private static RegistryFront front;
    private String name;

    @BeforeClass
    public static void startRegistryAndFront() {
        server = DockerRegistryServer.start();
        seeder = server.seedClient();
        front = RegistryFront.start(server.uri());
    }

    @AfterClass
    public static void stopRegistryAndFront() {
        if (front != null) {
            front.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Tells the front how to misbehave for the coming test. */
    protected abstract void misbehave(RegistryFront front);

    @Override
    protected Registry newRegistry() {
        front.reset();
        misbehave(front);
        name = "fronted/repo-" + COUNTER.incrementAndGet();
        return new OciRegistry(Repository.of(front.repository(name)),
                RegistryOptions.builder().timeout(Duration.ofSeconds(10)).dockerConfig("/nonexistent/config.json").build());
    }

    @Override
    protected Registry missingRepository() {
        // The front was told how to misbehave for this test already, by newRegistry().
        return new OciRegistry(Repository.of(front.repository("fronted/never-pushed-" + COUNTER.incrementAndGet())),
                RegistryOptions.builder().timeout(Duration.ofSeconds(10)).dockerConfig("/nonexistent/config.json").build());
    }

    @Override
    protected void seed(SyntheticImage image, String tag) throws Exception {
        seeder.push(name, image, tag);
    }
}
