package io.github.ecrpromotion.testkit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.InvalidInputException;
import io.github.ecrpromotion.core.PromotionRefusedException;
import io.github.ecrpromotion.core.buildtag.BuildTag;
import io.github.ecrpromotion.core.env.Environment;
import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.env.PipelineState;
import io.github.ecrpromotion.core.exec.PromotionExecutor;
import io.github.ecrpromotion.core.exec.PromotionResult;
import io.github.ecrpromotion.core.exec.TagResult;
import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.plan.PromotionRequest;
import io.github.ecrpromotion.core.plan.PromotionSource;
import io.github.ecrpromotion.core.plan.TagRequest;
import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.RawManifest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Before;
import org.junit.Test;

/** The executor's behaviour and cost, against the in-memory registry. */
public class PromotionExecutorTest {
    private static final String B10 = "2016.08.24T17.13.38Z.5ad95f2-ecs-demo-10";
    private static final String B11 = "2016.08.24T17.20.02Z.6be0a13-ecs-demo-11";
    private static final String B12 = "2016.08.25T09.01.44Z.7cf1b24-ecs-demo-12";
    private final RawManifest m10 = SyntheticImage.dockerV2("10").manifest();
    private final RawManifest m11 = SyntheticImage.dockerV2("11").manifest();
    private final RawManifest m12 = SyntheticImage.ociManifest("12").manifest();
    private InMemoryRegistry registry;
    private PromotionExecutor exec;

    @Before
    public void setUp() {
        registry = new InMemoryRegistry();
        registry.seed(B10, m10).seed(B11, m11).seed(B12, m12);
        registry.seed("production", m10).seed("staging", m11).seed("testing", m11);
        exec = new PromotionExecutor(registry, EnvironmentChain.DEFAULT);
    }

    private static PromotionRequest from(String source, String target) {
        return new PromotionRequest(Environment.of(target), new PromotionSource.FromEnvironment(Environment.of(source)));
    }

    @Test
    public void promote_readsOneManifestAndWritesOnce() throws Exception {
        registry.resetCalls();
        PromotionResult r = exec.promote(from("staging", "production"), false);
        assertTrue(r.changed());
        assertEquals(1, registry.calls("getManifest"));
        assertEquals(1, registry.calls("putManifest"));
        assertEquals(m11.digest(), registry.resolve(ImageRef.of(Tag.of("production"))).orElseThrow());
        assertEquals(Map.of("repository", "registry.example.com/demo/app", "environment", "production", "buildTag", B11,
                "digest", m11.digest().toString(), "previousBuildTag", B10, "previousDigest", m10.digest().toString(),
                "changed", true, "explicit", false, "dryRun", false), r.toMap());
    }

    @Test
    public void promote_whenTargetAlreadyAtDigest_reportsUnchangedAndWritesNothing() throws Exception {
        registry.resetCalls();
        PromotionResult r = exec.promote(from("testing", "staging"), false);
        assertFalse(r.changed());
        assertEquals(0, registry.calls("putManifest"));
        assertEquals(Optional.of(Tag.of(B11)), r.previousBuildTag());
    }

    @Test
    public void promote_dryRun_writesNothing() throws Exception {
        registry.resetCalls();
        PromotionResult r = exec.promote(from("staging", "production"), true);
        assertTrue(r.changed());
        assertTrue(r.dryRun());
        assertTrue(r.describe(), r.describe().startsWith("[dry run] would set production: " + B10));
        assertEquals(0, registry.calls("putManifest"));
        assertEquals(m10.digest(), registry.resolve(ImageRef.of(Tag.of("production"))).orElseThrow());
    }

    @Test
    public void promote_rollbackByBuildTag_isExplicit() throws Exception {
        PromotionResult r = exec.promote(new PromotionRequest(Environment.of("staging"),
                new PromotionSource.ByBuildTag(BuildTag.parse(B10))), false);
        assertTrue(r.explicit());
        assertTrue(r.describe(), r.describe().contains("explicit build tag " + B10));
        assertEquals(m10.digest(), registry.resolve(ImageRef.of(Tag.of("staging"))).orElseThrow());
    }

    @Test
    public void promote_byDigest_findsTheBuildTag() throws Exception {
        PromotionResult r = exec.promote(new PromotionRequest(Environment.of("testing"),
                new PromotionSource.ByDigest(m12.digest())), false);
        assertEquals(Optional.of(Tag.of(B12)), r.buildTag());
        assertEquals(m12.digest(), registry.resolve(ImageRef.of(Tag.of("testing"))).orElseThrow());
    }

    @Test
    public void promote_buildTagNotInRepository_isInvalidAndWritesNothing() throws Exception {
        registry.resetCalls();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> exec.promote(new PromotionRequest(
                Environment.of("staging"), new PromotionSource.ByBuildTag(BuildTag.parse("2020.01.01T00.00.00Z.0000000-x-1"))), false));
        assertTrue(e.getMessage(), e.getMessage().contains("is not in registry.example.com/demo/app"));
        assertEquals(0, registry.calls("putManifest"));
    }

    @Test
    public void promote_sourceEnvironmentWithoutTag_isInvalid() {
        InMemoryRegistry empty = new InMemoryRegistry().seed(B10, m10);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new PromotionExecutor(empty, EnvironmentChain.DEFAULT).promote(from("testing", "staging"), false));
        assertTrue(e.getMessage(), e.getMessage().contains("testing has no tag"));
        assertEquals(0, empty.calls("putManifest"));
    }

    @Test
    public void promote_notFromPredecessor_isRefusedBeforeAnyRead() {
        registry.resetCalls();
        PromotionRefusedException e = assertThrows(PromotionRefusedException.class, () -> exec.promote(from("testing", "production"), false));
        assertEquals(PromotionRefusedException.Policy.NOT_FROM_PREDECESSOR, e.policy());
        assertEquals(0, registry.totalCalls());
    }

    @Test
    public void promote_intoImmutableRepository_isRefusedByPolicy() {
        registry.immutableTags(true);
        PromotionRefusedException e = assertThrows(PromotionRefusedException.class, () -> exec.promote(from("staging", "production"), false));
        assertEquals(PromotionRefusedException.Policy.IMMUTABLE_TAG, e.policy());
        assertEquals(Optional.of(m10.digest()), registry.resolve(ImageRef.of(Tag.of("production"))));
    }

    @Test
    public void applyTags_putsBuildTagThenEnvironmentTag() throws Exception {
        RawManifest pushed = SyntheticImage.dockerV2("13").manifest();
        registry.seed("ci-push", pushed);
        BuildTag b13 = BuildTag.parse("2016.08.26T10.00.00Z.8d02c35-ecs-demo-13");
        TagResult r = exec.applyTags(new TagRequest(ImageRef.parse("ci-push"), b13, Optional.of(Environment.of("testing"))), false);
        assertTrue(r.changed());
        assertEquals(pushed.digest(), registry.resolve(ImageRef.of(b13.tag())).orElseThrow());
        assertEquals(pushed.digest(), registry.resolve(ImageRef.of(Tag.of("testing"))).orElseThrow());
        assertEquals(2, r.describe().size());
        TagResult again = exec.applyTags(new TagRequest(ImageRef.of(pushed.digest()), b13, Optional.of(Environment.of("testing"))), false);
        assertFalse(again.changed());
    }

    @Test
    public void applyTags_dryRun_writesNothing() throws Exception {
        registry.seed("ci-push", SyntheticImage.dockerV2("13").manifest());
        registry.resetCalls();
        TagResult r = exec.applyTags(new TagRequest(ImageRef.parse("ci-push"),
                BuildTag.parse("2016.08.26T10.00.00Z.8d02c35-ecs-demo-13"), Optional.of(Environment.of("testing"))), true);
        assertTrue(r.changed());
        assertEquals(0, registry.calls("putManifest"));
    }

    @Test
    public void applyTags_buildTagAlreadyOnAnotherImage_isRefused() {
        registry.seed("ci-push", SyntheticImage.dockerV2("13").manifest());
        PromotionRefusedException e = assertThrows(PromotionRefusedException.class, () -> exec.applyTags(
                new TagRequest(ImageRef.parse("ci-push"), BuildTag.parse(B12), Optional.empty()), false));
        assertEquals(PromotionRefusedException.Policy.BUILD_TAG_TAKEN, e.policy());
    }

    @Test
    public void applyTags_missingSource_isInvalid() {
        assertThrows(InvalidInputException.class, () -> exec.applyTags(
                new TagRequest(ImageRef.parse("nope"), BuildTag.parse(B12), Optional.empty()), false));
    }

    @Test
    public void state_isTheDesignsMapInChainOrder() throws Exception {
        PipelineState s = exec.state();
        assertEquals(List.of("testing", "staging", "production"), List.copyOf(s.asMap().keySet()));
        assertEquals("{\n  \"testing\": \"" + B11 + "\",\n  \"staging\": \"" + B11 + "\",\n  \"production\": \"" + B10 + "\"\n}",
                s.toJson(false));
        assertTrue(s.toJson(true).contains("\"digest\": \"" + m10.digest() + "\""));
        assertTrue(s.warnings().isEmpty());
    }

    @Test
    public void state_leavesOutEnvironmentsWithoutATag() throws Exception {
        InMemoryRegistry r = new InMemoryRegistry().seed(B10, m10).seed("testing", m10);
        assertEquals(Map.of("testing", B10), new PromotionExecutor(r, EnvironmentChain.DEFAULT).state().asMap());
        assertEquals("{}", new PromotionExecutor(new InMemoryRegistry(), EnvironmentChain.DEFAULT).state().toJson(false));
    }

    @Test
    public void state_imageWithoutBuildTag_mapsToNullWithAWarning() throws Exception {
        RawManifest orphan = SyntheticImage.dockerV2("orphan").manifest();
        InMemoryRegistry r = new InMemoryRegistry().seed("testing", orphan);
        PipelineState s = new PromotionExecutor(r, EnvironmentChain.DEFAULT).state();
        assertTrue(s.asMap().containsKey("testing"));
        assertNull(s.asMap().get("testing"));
        assertEquals("{\n  \"testing\": null\n}", s.toJson(false));
        assertEquals(1, s.warnings().size());
        assertTrue(s.warnings().get(0), s.warnings().get(0).contains(orphan.digest().toString()));
    }

    @Test
    public void state_imageWithSeveralBuildTags_reportsTheNewestWithAWarning() throws Exception {
        InMemoryRegistry r = new InMemoryRegistry().seed(B10, m10).seed(B12, m10).seed(B11, m10).seed("production", m10);
        PipelineState s = new PromotionExecutor(r, EnvironmentChain.DEFAULT).state();
        assertEquals(B12, s.asMap().get("production"));
        assertEquals(1, s.warnings().size());
        assertTrue(s.warnings().get(0), s.warnings().get(0).contains("3 build tags"));
    }

    @Test
    public void state_customChain() throws Exception {
        InMemoryRegistry r = new InMemoryRegistry().seed(B10, m10).seed("qa", m10).seed("testing", m10);
        PipelineState s = new PromotionExecutor(r, EnvironmentChain.parse("dev,qa,prod")).state();
        assertEquals(Map.of("qa", B10), s.asMap());
    }

    @Test
    public void promote_unknownDigest_isInvalid() {
        Digest other = Digest.sha256("x".getBytes());
        assertThrows(InvalidInputException.class, () -> exec.promote(new PromotionRequest(Environment.of("staging"),
                new PromotionSource.ByDigest(other)), false));
    }
}
