package io.github.ecrpromotion.core.plan;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.InvalidInputException;
import io.github.ecrpromotion.core.PromotionRefusedException;
import io.github.ecrpromotion.core.PromotionRefusedException.Policy;
import io.github.ecrpromotion.core.buildtag.BuildTag;
import io.github.ecrpromotion.core.env.Environment;
import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.plan.PromotionPolicy.Admission;
import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Tag;
import org.junit.Test;

/**
 * The chain rule as one table: every kind of source (predecessor environment, pushed image by digest / upload tag /
 * build tag / environment tag, explicit build tag or digest) against every target of testing -> staging -> production.
 * {@code promote to}, {@code promote tag}, the steps and the buttons all ask this one policy.
 */
public class PromotionPolicyTest {
    private static final String B11 = "2016.08.24T17.13.38Z.5ad95f2-ecs-demo-11";
    private static final Digest D = Digest.sha256("image".getBytes());
    private static final String OK = "ok";
    private static final String EXPLICIT = "explicit";
    private static final String REFUSED = "refused";
    private static final String INVALID = "invalid";
    private final PromotionPolicy policy = new PromotionPolicy(EnvironmentChain.DEFAULT);

    private static PromotionSource env(String name) {
        return new PromotionSource.FromEnvironment(Environment.of(name));
    }

    private static PromotionSource pushed(String ref) throws Exception {
        return new PromotionSource.NewBuild(ImageRef.parse(ref));
    }

    @Test
    public void admit_everySourceAgainstEveryTarget() throws Exception {
        Object[][] table = {
            // source                                   testing    staging    production
            {env("testing"),                            INVALID,   OK,        REFUSED},
            {env("staging"),                            REFUSED,   INVALID,   OK},
            {env("production"),                         REFUSED,   REFUSED,   INVALID},
            {env("qa"),                                 INVALID,   INVALID,   INVALID},
            {new PromotionSource.ByBuildTag(BuildTag.parse(B11)), EXPLICIT, EXPLICIT, EXPLICIT},
            {new PromotionSource.ByDigest(D),           EXPLICIT,  EXPLICIT,  EXPLICIT},
            // promote tag / ecrBuildTag: the image just pushed
            {pushed(D.toString()),                      OK,        EXPLICIT,  EXPLICIT},
            {pushed("candidate-12"),                    OK,        REFUSED,   REFUSED},
            {pushed("latest"),                          OK,        REFUSED,   REFUSED},
            {pushed(B11),                               OK,        EXPLICIT,  EXPLICIT},
            // only looks like a build tag (a timestamp, then another format): a mutable tag like any other
            {pushed("2024.01.01T00.00.00Z-nightly"),    OK,        REFUSED,   REFUSED},
            {pushed("testing"),                         OK,        OK,        REFUSED},
            {pushed("staging"),                         REFUSED,   OK,        OK},
            {pushed("production"),                      REFUSED,   REFUSED,   OK},
        };
        String[] targets = {"testing", "staging", "production"};
        for (Object[] row : table) {
            PromotionSource source = (PromotionSource) row[0];
            for (int i = 0; i < targets.length; i++) {
                Environment target = Environment.of(targets[i]);
                String expected = (String) row[i + 1];
                String where = source + " -> " + target;
                switch (expected) {
                    case OK, EXPLICIT -> {
                        Admission a = policy.admit(target, source);
                        assertEquals(where, EXPLICIT.equals(expected), a.explicit());
                        assertEquals(where, EXPLICIT.equals(expected), a.explicitNote().contains("(rollback or hotfix)"));
                    }
                    case REFUSED -> {
                        PromotionRefusedException e = assertThrows(where, PromotionRefusedException.class,
                                () -> policy.admit(target, source));
                        assertEquals(where, Policy.NOT_FROM_PREDECESSOR, e.policy());
                        assertTrue(where + ": " + e.getMessage(), e.getMessage().contains("build tag or digest")
                                || e.getMessage().contains("digest or its build tag"));
                    }
                    default -> assertThrows(where, InvalidInputException.class, () -> policy.admit(target, source));
                }
            }
        }
    }

    @Test
    public void admit_unknownTarget_isInvalidInputNamingTheChain() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> policy.admit(Environment.of("prod"), new PromotionSource.ByDigest(D)));
        assertTrue(e.getMessage(), e.getMessage().contains("testing -> staging -> production")
                || e.getMessage().contains("testing, staging, production") || e.getMessage().contains("valid environments"));
    }

    @Test
    public void explicitNote_namesThePredecessorItBypasses() throws Exception {
        Admission a = policy.admit(Environment.of("production"), new PromotionSource.ByDigest(D));
        assertEquals("; named explicitly, not taken from the predecessor staging (rollback or hotfix)", a.explicitNote());
        Admission first = policy.admit(Environment.of("testing"), new PromotionSource.ByDigest(D));
        assertEquals("; named explicitly, not taken from a predecessor (rollback or hotfix)", first.explicitNote());
        assertEquals("", policy.admit(Environment.of("staging"), env("testing")).explicitNote());
    }

    @Test
    public void admit_pushedUploadTagIntoLaterEnvironment_saysHowToDoItOnPurpose() throws Exception {
        PromotionRefusedException e = assertThrows(PromotionRefusedException.class,
                () -> policy.admit(Environment.of("production"), pushed("candidate-12")));
        assertTrue(e.getMessage(), e.getMessage().contains("only the first environment testing takes new builds"));
        assertTrue(e.getMessage(), e.getMessage().contains("predecessor staging"));
        assertTrue(e.getMessage(), e.getMessage().startsWith("Tried to put production on the image pushed as candidate-12"));
        Tag.of("candidate-12");
    }
}
