package io.github.ecrpromotion.ecr;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.testkit.MotoServer;
import io.github.ecrpromotion.testkit.RaceContract;
import io.github.ecrpromotion.testkit.RegistryFront;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import software.amazon.awssdk.services.ecr.EcrClient;

/**
 * The race suite against a real moto server through the ECR API: each run reaches moto through a {@link RegistryFront}
 * of its own, where the test holds that run's PutImage (a write) or BatchGetImage / DescribeImages (a read) of a tag.
 * moto deletes an image when its last tag moves (real ECR keeps it untagged), so the recovery tag cannot be put there.
 */
public class MotoRaceTest extends RaceContract {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static MotoServer moto;
    private static EcrClient sdk;
    private String name;

    @BeforeClass
    public static void startMoto() {
        moto = MotoServer.shared();
        sdk = EcrTestSupport.sdk(moto.endpoint());
    }

    @AfterClass
    public static void closeSdk() {
        if (sdk != null) {
            sdk.close();
        }
    }

    @Override
    protected boolean keepsUntaggedImages() {
        return false;
    }

    @Override
    protected void newRepository() {
        name = "race/app-" + COUNTER.incrementAndGet();
        sdk.createRepository(b -> b.repositoryName(name));
    }

    private static boolean call(RegistryFront.Request r, String operation, Tag tag) {
        String target = r.header("X-Amz-Target");
        return target != null && target.endsWith("." + operation)
                && new String(r.body(), StandardCharsets.UTF_8).contains("\"imageTag\":\"" + tag + "\"");
    }

    @Override
    protected Run newRun() throws Exception {
        RegistryFront front = RegistryFront.start(URI.create(moto.endpoint()));
        EcrRegistry registry = EcrTestSupport.open(front.uri().toString(), name);
        return new Run() {
            @Override
            public Registry registry() {
                return registry;
            }

            @Override
            public Gate holdWrite(Tag tag) {
                return gate(front.hold(r -> call(r, "PutImage", tag)));
            }

            @Override
            public Gate holdRead(Tag tag) {
                return gate(front.hold(r -> call(r, "BatchGetImage", tag) || call(r, "DescribeImages", tag)));
            }

            @Override
            public void acknowledgeWritesWithoutStoring() {
                // Seen in the field: PutImage answered 200 {} with nothing stored.
                front.answerInstead(r -> "AmazonEC2ContainerRegistry_V20150921.PutImage".equals(r.header("X-Amz-Target")),
                        200, "application/x-amz-json-1.1", "{}".getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public void close() {
                registry.close();
                front.close();
            }
        };
    }

    @Override
    protected void seed(SyntheticImage image, String tag) {
        EcrTestSupport.seed(sdk, name, image, tag);
    }
}
