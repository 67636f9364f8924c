package io.github.ecrpromotion.ecr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.testkit.MotoServer;
import io.github.ecrpromotion.testkit.RegistryFront;
import java.net.URI;
import java.time.Duration;
import org.junit.After;
import org.junit.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.ecr.EcrClient;

/**
 * The ECR backend with the timeout covering the operation: each call's apiCallTimeout is what is left since opening,
 * and once it is gone the next call is not sent. moto behind a front that holds one DescribeImages until the call
 * gave up; nothing is timed.
 */
public class EcrOperationTimeoutTest {
    private final MotoServer moto = MotoServer.shared();
    private final RegistryFront front = RegistryFront.start(URI.create(moto.endpoint()));

    @After
    public void close() {
        front.close();
    }

    @Test
    public void timeoutCoveringTheOperation_leavesNothingToTheNextCall_whichIsNotSent() throws Exception {
        String name = "deadline/app-" + System.nanoTime();
        try (EcrClient sdk = EcrTestSupport.sdk(moto.endpoint())) {
            sdk.createRepository(b -> b.repositoryName(name));
            EcrTestSupport.seed(sdk, name, SyntheticImage.dockerV2("deadline"), "testing");
        }
        try (EcrRegistry r = new EcrClientFactory(EcrTestSupport.options(front.uri().toString())
                .timeout(Duration.ofSeconds(1)).timeoutCoversOperation(true).build())
                .retryStrategy(AwsRetryStrategy.doNotRetry()).open(EcrTestSupport.repository(name))) {
            RegistryFront.Hold held = front.hold(q -> "AmazonEC2ContainerRegistry_V20150921.DescribeImages"
                    .equals(q.header("X-Amz-Target")));
            RegistryException first = assertThrows(RegistryException.class, () -> r.resolve(ImageRef.of(Tag.of("testing"))));
            assertEquals(first.getMessage(), RegistryException.Reason.UNAVAILABLE, first.reason());
            held.release();
            int sent = front.requests().size();
            RegistryException next = assertThrows(RegistryException.class, () -> r.resolve(ImageRef.of(Tag.of("testing"))));
            assertTrue(next.getMessage(), next.getMessage().contains("for the whole operation has passed"));
            assertEquals("no request after the operation's time was up", sent, front.requests().size());
        }
    }
}
