package io.github.ecrpromotion.oci.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.testkit.DockerRegistryServer;
import io.github.ecrpromotion.testkit.RegistryFront;
import java.time.Duration;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * With the timeout covering the operation (the CLI's --timeout, a Jenkins step), a call that used up the time leaves
 * none to the next: it is not even sent. Without it, each call gets the whole timeout again. A real docker-registry
 * behind a front that holds one request until its call gave up; nothing is timed.
 */
public class OperationTimeoutTest {
    private static DockerRegistryServer server;
    private static RegistryFront front;

    @BeforeClass
    public static void start() throws Exception {
        server = DockerRegistryServer.start();
        server.seedClient().push("deadline/app", SyntheticImage.dockerV2("deadline"), "testing");
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

    private static OciRegistry open(boolean coversOperation) {
        return new OciRegistry(Repository.of(front.repository("deadline/app")), RegistryOptions.builder()
                .timeout(Duration.ofSeconds(1)).timeoutCoversOperation(coversOperation)
                .dockerConfig("/nonexistent/config.json").build());
    }

    /** The first call's GET is held until the call gives up at its deadline, then released. */
    private static void useUpTheTime(OciRegistry r) throws Exception {
        RegistryFront.Hold held = front.hold(q -> q.method().equals("GET") && q.path().endsWith("/manifests/testing"));
        RegistryException e = assertThrows(RegistryException.class, () -> r.getManifest(ImageRef.of(Tag.of("testing"))));
        assertEquals(e.getMessage(), RegistryException.Reason.UNAVAILABLE, e.reason());
        held.release();
    }

    @Test
    public void timeoutCoveringTheOperation_leavesNothingToTheNextCall_whichIsNotSent() throws Exception {
        OciRegistry r = open(true);
        useUpTheTime(r);
        int sent = front.requests().size();
        RegistryException e = assertThrows(RegistryException.class, () -> r.resolve(ImageRef.of(Tag.of("testing"))));
        assertEquals(RegistryException.Reason.UNAVAILABLE, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("1 s"));
        assertEquals("no request after the operation's time was up", sent, front.requests().size());
    }

    @Test
    public void timeoutPerCall_givesTheNextCallTheWholeTimeAgain() throws Exception {
        OciRegistry r = open(false);
        useUpTheTime(r);
        assertTrue(r.resolve(ImageRef.of(Tag.of("testing"))).isPresent());
    }
}
