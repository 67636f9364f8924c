package io.github.ecrpromotion.ecr;

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
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.testkit.MotoServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import software.amazon.awssdk.services.ecr.EcrClient;

/**
 * The state of a repository costs one DescribeImages per environment whatever the repository's size: shown on a
 * moto repository of 1,000 tagged images, counting the SDK calls. Timings are printed, never asserted.
 */
public class EcrStateCostTest {
    private static final int IMAGES = 1000;
    private static final String NAME = "demo/big";
    private static MotoServer moto;
    private static EcrClient sdk;
    private static SyntheticImage[] images = new SyntheticImage[IMAGES];

    @BeforeClass
    public static void seedAThousandImages() throws Exception {
        moto = MotoServer.shared();
        moto.reset();
        sdk = EcrTestSupport.sdk(moto.endpoint());
        sdk.createRepository(b -> b.repositoryName(NAME));
        long start = System.nanoTime();
        for (int i = 0; i < IMAGES; i++) {
            images[i] = SyntheticImage.dockerV2("n" + i);
            EcrTestSupport.seed(sdk, NAME, images[i], buildTag(i));
        }
        EcrTestSupport.seed(sdk, NAME, images[999], "testing");
        EcrTestSupport.seed(sdk, NAME, images[998], "staging");
        EcrTestSupport.seed(sdk, NAME, images[990], "production");
        System.out.printf("seeded %d images with PutImage in %d ms%n", IMAGES, (System.nanoTime() - start) / 1_000_000);
    }

    @AfterClass
    public static void closeSdk() {
        if (sdk != null) {
            sdk.close();
        }
    }

    static String buildTag(int i) throws Exception {
        return BuildTag.generate(Instant.parse("2016-08-24T17:13:38Z").plusSeconds(60L * i), "5ad95f2", "ecs-demo", i)
                .tag().value();
    }

    @Test
    public void state_ofAThousandImageRepository_costsOneCallPerEnvironment() throws Exception {
        CallLog log = new CallLog();
        try (EcrRegistry registry = EcrTestSupport.open(moto.endpoint(), NAME, log)) {
            var state = new PromotionExecutor(registry, EnvironmentChain.DEFAULT).state();
            assertEquals(Map.of("testing", buildTag(999), "staging", buildTag(998), "production", buildTag(990)), state.asMap());
            assertTrue(log.operations.toString(), log.operations.size() <= 3);
            assertEquals(List.of("DescribeImages", "DescribeImages", "DescribeImages"), log.operations);
            assertEquals(log.operations.size(), log.authorizations.size());
        }
    }

    @Test
    public void benchmark_stateListingAndPromotion_reportTimingsAndCountCalls() throws Exception {
        CallLog log = new CallLog();
        try (EcrRegistry registry = EcrTestSupport.open(moto.endpoint(), NAME, log)) {
            PromotionExecutor exec = new PromotionExecutor(registry, EnvironmentChain.DEFAULT);
            exec.state(); // warm up the client and moto

            log.clear();
            long t = System.nanoTime();
            exec.state();
            long stateMs = ms(t);
            assertEquals(3, log.operations.size());

            log.clear();
            t = System.nanoTime();
            List<Tag> tags = registry.listTags();
            long listMs = ms(t);
            assertEquals(IMAGES + 3, tags.size());
            assertEquals(List.of("ListImages"), log.operations); // moto never paginates: one page

            log.clear();
            t = System.nanoTime();
            PromotionResult up = exec.promote(new PromotionRequest(Environment.of("production"),
                    new PromotionSource.FromEnvironment(Environment.of("staging"))), false);
            long promoteMs = ms(t);
            assertTrue(up.changed());
            assertEquals(1, log.count("BatchGetImage"));
            assertEquals(1, log.count("PutImage"));
            // Two to plan (staging's and production's images), two to check after the write: production names the
            // digest written, and the image it left still has a tag (the safety rules' read-back).
            assertEquals(4, log.count("DescribeImages"));
            assertEquals(6, log.operations.size());

            // Roll production back to where it was, so the repository is as seeded for the other test.
            log.clear();
            t = System.nanoTime();
            PromotionResult back = exec.promote(new PromotionRequest(Environment.of("production"),
                    new PromotionSource.ByBuildTag(BuildTag.parse(buildTag(990)))), false);
            long rollbackMs = ms(t);
            int rollbackCalls = log.operations.size();
            assertTrue(back.changed());
            assertEquals(1, log.count("PutImage"));
            assertEquals(images[990].manifest().digest(), registry.resolve(ImageRef.of(Tag.of("production"))).orElseThrow());

            System.out.printf("moto, %d images: state %d ms (3 calls), listTags %d ms (1 call), promote %d ms (6 calls), "
                    + "rollback %d ms (%d calls)%n", IMAGES, stateMs, listMs, promoteMs, rollbackMs, rollbackCalls);
        }
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
