package io.jenkins.plugins.ecrpromotion.steps;

import io.jenkins.plugins.ecrpromotion.HistoryEntry;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.InvalidInputException;
import io.github.ecrpromotion.core.PromotionRefusedException;
import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.exec.PromotionResult;
import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.testkit.InMemoryRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Test;

public class PromoteStepLogicTest {
    static final String B11 = "2026.11.24T09.12.55Z.1c2d3e4-ecs-demo-11";
    static final String B12 = "2026.11.25T14.03.12Z.5ad95f2-ecs-demo-12";

    private final RawManifest m11 = SyntheticImage.dockerV2("build 11").manifest();
    private final RawManifest m12 = SyntheticImage.dockerV2("build 12").manifest();
    private final EnvironmentChain chain = EnvironmentChain.DEFAULT;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream logger = new PrintStream(log, true, StandardCharsets.UTF_8);
    private InMemoryRegistry registry;

    @Before
    public void seed() {
        registry = new InMemoryRegistry()
                .seed(B11, m11).seed("staging", m11).seed("production", m11)
                .seed(B12, m12).seed("testing", m12);
    }

    private String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    @Test
    public void promote_fromPredecessor_movesTagAndLogsOneLine() throws Exception {
        PromotionResult r = PromoteStepLogic.promote(registry, chain, logger, "staging", "testing", null, null, false);

        assertTrue(r.changed());
        assertEquals(m12.digest(), registry.resolve(ImageRef.of(Tag.of("staging"))).orElseThrow());
        List<String> lines = log().lines().toList();
        assertEquals(1, lines.size());
        assertTrue(lines.get(0), lines.get(0).startsWith("[ecrPromote] registry.example.com/demo/app staging: "));
        assertTrue(lines.get(0), lines.get(0).contains(B11) && lines.get(0).contains(B12));
    }

    @Test
    public void toMap_givesTheDesignsKeysWithPlainValues() throws Exception {
        PromotionResult r = PromoteStepLogic.promote(registry, chain, logger, "staging", "testing", null, null, false);

        Map<String, Object> map = PromoteStepLogic.toMap(r);
        assertEquals(List.of("repository", "environment", "buildTag", "digest", "previousBuildTag", "previousDigest",
                "changed", "explicit", "dryRun"), List.copyOf(map.keySet()));
        assertEquals(false, map.get("explicit"));
        assertEquals(false, map.get("dryRun"));
        assertEquals("registry.example.com/demo/app", map.get("repository"));
        assertEquals("staging", map.get("environment"));
        assertEquals(B12, map.get("buildTag"));
        assertEquals(m12.digest().toString(), map.get("digest"));
        assertEquals(B11, map.get("previousBuildTag"));
        assertEquals(m11.digest().toString(), map.get("previousDigest"));
        assertEquals(Boolean.TRUE, map.get("changed"));
    }

    @Test
    public void promote_byBuildTag_rollsBackProduction() throws Exception {
        registry.seed("production", m12);

        PromotionResult r = PromoteStepLogic.promote(registry, chain, logger, "production", null, B11, null, false);

        assertTrue(r.changed());
        assertTrue(r.explicit());
        assertEquals(m11.digest(), registry.resolve(ImageRef.of(Tag.of("production"))).orElseThrow());
    }

    @Test
    public void promote_byDigest_movesToThatImage() throws Exception {
        PromotionResult r = PromoteStepLogic.promote(registry, chain, logger, "testing", null, null,
                m11.digest().toString(), false);

        assertEquals(m11.digest(), registry.resolve(ImageRef.of(Tag.of("testing"))).orElseThrow());
        assertEquals(B11, r.buildTag().orElseThrow().toString());
    }

    @Test
    public void promote_whenTargetAlreadyAtImage_reportsUnchangedAndWritesNothing() throws Exception {
        PromotionResult r = PromoteStepLogic.promote(registry, chain, logger, "production", "staging", null, null, false);

        assertFalse(r.changed());
        assertEquals(0, registry.calls("putManifest"));
        assertTrue(log(), log().contains("unchanged"));
        assertEquals("unchanged", PromoteStepLogic.history(r, "run x #1", 5L).getResult());
    }

    @Test
    public void promote_dryRun_writesNothingAndSaysSo() throws Exception {
        PromotionResult r = PromoteStepLogic.promote(registry, chain, logger, "staging", "testing", null, null, true);

        assertEquals(0, registry.calls("putManifest"));
        assertEquals(m11.digest(), registry.resolve(ImageRef.of(Tag.of("staging"))).orElseThrow());
        assertTrue(log(), log().contains("[dry run] would set staging"));
        assertEquals("dry run", PromoteStepLogic.history(r, "run x #1", 5L).getResult());
    }

    @Test
    public void promote_whenNoSourceGiven_isInvalidInputNamingTheThreeChoices() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PromoteStepLogic.promote(registry, chain, logger, "staging", null, null, null, false));
        assertTrue(e.getMessage(), e.getMessage().contains("from:") && e.getMessage().contains("buildTag:")
                && e.getMessage().contains("digest:"));
        assertEquals(0, registry.totalCalls());
    }

    @Test
    public void promote_whenTwoSourcesGiven_isInvalidInput() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PromoteStepLogic.promote(registry, chain, logger, "staging", "testing", B11, null, false));
        assertTrue(e.getMessage(), e.getMessage().contains("2 sources were given"));
    }

    @Test
    public void promote_whenTargetMissing_isInvalidInput() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PromoteStepLogic.promote(registry, chain, logger, null, "testing", null, null, false));
        assertTrue(e.getMessage(), e.getMessage().contains("to:"));
    }

    @Test
    public void promote_whenEnvironmentUnknown_isInvalidInputListingTheChain() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PromoteStepLogic.promote(registry, chain, logger, "qa", "testing", null, null, false));
        assertTrue(e.getMessage(), e.getMessage().contains("qa"));
        assertEquals(0, registry.calls("putManifest"));
    }

    @Test
    public void promote_whenSkippingAnEnvironment_isRefusedByPolicy() {
        PromotionRefusedException e = assertThrows(PromotionRefusedException.class,
                () -> PromoteStepLogic.promote(registry, chain, logger, "production", "testing", null, null, false));
        assertEquals(PromotionRefusedException.Policy.NOT_FROM_PREDECESSOR, e.policy());
        assertEquals(0, registry.calls("putManifest"));
    }

    @Test
    public void history_recordsFromAndToWithResultPromoted() throws Exception {
        PromotionResult r = PromoteStepLogic.promote(registry, chain, logger, "staging", "testing", null, null, false);

        HistoryEntry h = PromoteStepLogic.history(r, "run ecs-demo #12", 1234L);
        assertEquals("run ecs-demo #12", h.getActor());
        assertEquals(1234L, h.getTimeMillis());
        assertEquals("registry.example.com/demo/app", h.getRepository());
        assertEquals("staging", h.getEnvironment());
        assertEquals(B11, h.getFromBuildTag());
        assertEquals(m11.digest().toString(), h.getFromDigest());
        assertEquals(B12, h.getToBuildTag());
        assertEquals(m12.digest().toString(), h.getToDigest());
        assertEquals("promoted", h.getResult());
    }

    @Test
    public void history_whenEnvironmentWasEmpty_hasNoFrom() throws Exception {
        registry = new InMemoryRegistry().seed(B12, m12).seed("testing", m12);
        PromotionResult r = PromoteStepLogic.promote(registry, chain, logger, "staging", "testing", null, null, false);

        HistoryEntry h = PromoteStepLogic.history(r, "run x #1", 1L);
        assertNull(h.getFromBuildTag());
        assertNull(h.getFromDigest());
    }
}
