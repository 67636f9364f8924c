package io.github.ecrpromotion.core.plan;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.InvalidInputException;
import io.github.ecrpromotion.core.PromotionRefusedException;
import io.github.ecrpromotion.core.PromotionRefusedException.Policy;
import io.github.ecrpromotion.core.buildtag.BuildTag;
import io.github.ecrpromotion.core.env.Environment;
import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.Image;
import io.github.ecrpromotion.core.registry.RawManifest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;

public class PromotionPlannerTest {
    private static final Repository REPO = Repository.of("registry.example.com/demo/app");
    private static final String B11 = "2016.08.24T17.13.38Z.5ad95f2-ecs-demo-11";
    private static final String B12 = "2016.08.25T17.13.38Z.6ad95f2-ecs-demo-12";
    private final PromotionPlanner planner = new PromotionPlanner(EnvironmentChain.DEFAULT);
    private final RawManifest m12 = RawManifest.of("{\"b\":12}".getBytes(StandardCharsets.UTF_8), "application/vnd.oci.image.manifest.v1+json");
    private final Digest d11 = Digest.sha256("{\"b\":11}".getBytes(StandardCharsets.UTF_8));

    private static PromotionRequest from(String source, String target) {
        return new PromotionRequest(Environment.of(target), new PromotionSource.FromEnvironment(Environment.of(source)));
    }

    @Test
    public void check_policyTable() throws Exception {
        // source, target, expected: null = allowed, else policy or "invalid"
        Object[][] table = {
            {"testing", "staging", null},
            {"staging", "production", null},
            {"testing", "production", Policy.NOT_FROM_PREDECESSOR},
            {"production", "staging", Policy.NOT_FROM_PREDECESSOR},
            {"staging", "testing", Policy.NOT_FROM_PREDECESSOR},
            {"staging", "staging", "invalid"},
            {"qa", "staging", "invalid"},
            {"testing", "prod", "invalid"},
        };
        for (Object[] row : table) {
            PromotionRequest r = from((String) row[0], (String) row[1]);
            if (row[2] == null) {
                planner.check(r);
            } else if (row[2] instanceof Policy p) {
                PromotionRefusedException e = assertThrows(PromotionRefusedException.class, () -> planner.check(r));
                assertEquals(p, e.policy());
                assertTrue(e.getMessage(), e.getMessage().contains("build tag or digest"));
            } else {
                assertThrows(InvalidInputException.class, () -> planner.check(r));
            }
        }
    }

    @Test
    public void check_explicitSourceMaySkipTheChain() throws Exception {
        planner.check(new PromotionRequest(Environment.of("production"), new PromotionSource.ByBuildTag(BuildTag.parse(B11))));
        planner.check(new PromotionRequest(Environment.of("testing"), new PromotionSource.ByDigest(d11)));
    }

    @Test
    public void plan_whenTargetEmpty_createsTheTag() throws Exception {
        PromotionPlan plan = planner.plan(REPO, from("testing", "staging"), m12, Optional.of(Tag.of(B12)), Optional.empty());
        assertTrue(plan.changed());
        assertEquals(Optional.empty(), plan.previousDigest());
        assertEquals(m12.digest(), plan.digest());
        assertTrue(plan.describe(), plan.describe().startsWith("staging: (no tag) -> " + B12));
    }

    @Test
    public void plan_whenTargetAlreadyAtDigest_reportsUnchanged() throws Exception {
        Image now = new Image(m12.digest(), List.of(Tag.of(B12), Tag.of("testing")));
        PromotionPlan plan = planner.plan(REPO, from("testing", "staging"), m12, Optional.of(Tag.of(B12)), Optional.of(now));
        assertFalse(plan.changed());
        assertTrue(plan.describe(), plan.describe().contains("unchanged"));
    }

    @Test
    public void plan_whenMoving_reportsWhatItHeldBefore() throws Exception {
        Image now = new Image(d11, List.of(Tag.of(B11)));
        PromotionPlan plan = planner.plan(REPO, from("testing", "staging"), m12, Optional.of(Tag.of(B12)), Optional.of(now));
        assertTrue(plan.changed());
        assertEquals(Optional.of(d11), plan.previousDigest());
        assertEquals(Optional.of(Tag.of(B11)), plan.previousBuildTag());
    }

    @Test
    public void plan_whenTargetIsTheImagesLastTag_refuses() {
        Image now = new Image(d11, List.of());
        PromotionRefusedException e = assertThrows(PromotionRefusedException.class,
                () -> planner.plan(REPO, from("testing", "staging"), m12, Optional.empty(), Optional.of(now)));
        assertEquals(Policy.LAST_TAG, e.policy());
        assertTrue(e.getMessage(), e.getMessage().contains(d11.toString()));
        assertTrue(e.getMessage(), e.getMessage().contains("last tag"));
    }

    @Test
    public void planTags_buildTagOnAnotherImage_refuses() throws Exception {
        TagRequest r = new TagRequest(ImageRef.of(Tag.of("ci-push")), BuildTag.parse(B12), Optional.empty());
        PromotionRefusedException e = assertThrows(PromotionRefusedException.class,
                () -> planner.planTags(REPO, r, m12, Map.of(Tag.of(B12), d11), Optional.empty()));
        assertEquals(Policy.BUILD_TAG_TAKEN, e.policy());
    }

    @Test
    public void planTags_sameImageAgain_isUnchanged() throws Exception {
        TagRequest r = new TagRequest(ImageRef.of(Tag.of("ci-push")), BuildTag.parse(B12), Optional.of(Environment.of("testing")));
        TagPlan plan = planner.planTags(REPO, r, m12, Map.of(Tag.of(B12), m12.digest()),
                Optional.of(new Image(m12.digest(), List.of(Tag.of(B12)))));
        assertFalse(plan.changed());
        assertEquals(2, plan.changes().size());
    }

    @Test
    public void planTags_unknownEnvironment_isInvalid() throws Exception {
        TagRequest r = new TagRequest(ImageRef.of(Tag.of("ci-push")), BuildTag.parse(B12), Optional.of(Environment.of("qa")));
        assertThrows(InvalidInputException.class, () -> planner.planTags(REPO, r, m12, Map.of(), Optional.empty()));
    }

    @Test
    public void planTags_sameBuildTaggedEarlierOnThisImage_keepsThatTagUnchanged() throws Exception {
        // Re-running `promote tag` without --time makes a build tag with another time; the build is the same.
        String earlier = "2016.08.25T09.00.00Z.6ad95f2-ecs-demo-12";
        TagRequest r = new TagRequest(ImageRef.of(Tag.of("ci-push")), BuildTag.parse(B12), Optional.of(Environment.of("testing")));
        TagPlan plan = planner.planTags(REPO, r, m12, Map.of(Tag.of(earlier), m12.digest()),
                Optional.of(new Image(m12.digest(), List.of(Tag.of(earlier)))));
        assertFalse(plan.changed());
        assertEquals(Tag.of(earlier), plan.buildTag());
        assertTrue(plan.describe().toString(), plan.describe().get(0).contains("unchanged at " + earlier));
    }

    @Test
    public void planTags_sameBuildOnAnotherImage_refusesNamingBothDigests() throws Exception {
        String earlier = "2016.08.25T09.00.00Z.6ad95f2-ecs-demo-12";
        TagRequest r = new TagRequest(ImageRef.of(Tag.of("ci-push")), BuildTag.parse(B12), Optional.empty());
        PromotionRefusedException e = assertThrows(PromotionRefusedException.class,
                () -> planner.planTags(REPO, r, m12, Map.of(Tag.of(earlier), d11), Optional.empty()));
        assertEquals(Policy.BUILD_TAG_TAKEN, e.policy());
        assertTrue(e.getMessage(), e.getMessage().contains(d11.toString()));
        assertTrue(e.getMessage(), e.getMessage().contains(m12.digest().toString()));
        assertTrue(e.getMessage(), e.getMessage().contains(earlier));
    }

    @Test
    public void planTags_environmentBeyondTheFirstFromAnUploadTag_isRefusedLikeTo() throws Exception {
        TagRequest r = new TagRequest(ImageRef.of(Tag.of("testing")), BuildTag.parse(B12), Optional.of(Environment.of("production")));
        PromotionRefusedException e = assertThrows(PromotionRefusedException.class,
                () -> planner.planTags(REPO, r, m12, Map.of(), Optional.empty()));
        assertEquals(Policy.NOT_FROM_PREDECESSOR, e.policy());
    }

    @Test
    public void plan_whenTheSourceEnvironmentMovedSinceThePageWasRendered_refuses() throws Exception {
        PromotionRequest r = new PromotionRequest(Environment.of("staging"),
                new PromotionSource.FromEnvironment(Environment.of("testing"), Optional.of(d11)));
        PromotionRefusedException e = assertThrows(PromotionRefusedException.class,
                () -> planner.plan(REPO, r, m12, Optional.empty(), Optional.empty()));
        assertEquals(Policy.SOURCE_MOVED, e.policy());
        assertTrue(e.getMessage(), e.getMessage().contains("testing no longer holds it"));
    }
}
