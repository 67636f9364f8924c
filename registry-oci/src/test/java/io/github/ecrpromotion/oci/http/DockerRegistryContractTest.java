package io.github.ecrpromotion.oci.http;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.testkit.DockerRegistryServer;
import io.github.ecrpromotion.testkit.RegistryContract;
import io.github.ecrpromotion.testkit.SeedClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.AfterClass;
import org.junit.BeforeClass;

/**
 * The contract suite (byte-exact retags of Docker v2.2, OCI manifest, OCI index and manifest list included) against
 * a real Debian docker-registry, one server for the class and a fresh repository per test. Seeding uses blob
 * uploads through {@link SeedClient}, not the backend.
 */
public class DockerRegistryContractTest extends RegistryContract {
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
    protected Registry newRegistry() {
        name = "contract/repo-" + COUNTER.incrementAndGet();
        return new OciRegistry(Repository.of(server.repository(name)),
                RegistryOptions.builder().timeout(Duration.ofSeconds(10)).dockerConfig("/nonexistent/config.json").build());
    }

    @Override
    protected Registry missingRepository() {
        return new OciRegistry(Repository.of(server.repository("contract/never-pushed-" + COUNTER.incrementAndGet())),
                RegistryOptions.builder().timeout(Duration.ofSeconds(10)).dockerConfig("/nonexistent/config.json").build());
    }

    @Override
    protected void seed(SyntheticImage image, String tag) throws Exception {
        seeder.push(name, image, tag);
    }
}
