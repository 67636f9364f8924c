package io.jenkins.plugins.ecrpromotion.steps;

import io.jenkins.plugins.ecrpromotion.HistoryEntry;
import io.jenkins.plugins.ecrpromotion.registry.Failures;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.InvalidInputException;
import io.github.ecrpromotion.core.PromotionRefusedException;
import io.github.ecrpromotion.core.buildtag.BuildTag;
import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.exec.TagResult;
import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.testkit.InMemoryRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.Test;

public class BuildTagStepLogicTest {
    private static final long START = Instant.parse("2016-08-24T17:13:38.517Z").toEpochMilli();
    private static final String SHA = "5ad95f2e0a9c3b1d4e5f60718293a4b5c6d7e8f9";

    private final RawManifest pushed = SyntheticImage.dockerV2("just pushed").manifest();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream logger = new PrintStream(log, true, StandardCharsets.UTF_8);

    @Test
    public void buildTag_fromRunFacts_isTheDesignsFormatInUtc() throws Exception {
        assertEquals("2016.08.24T17.13.38Z.5ad95f2-ecs-demo-11",
                BuildTagStepLogic.buildTag(START, SHA, "ecs-demo", 11).toString());
    }

    @Test
    public void buildTag_ofJobInFolder_isTagSafe() throws Exception {
        assertEquals("2016.08.24T17.13.38Z.5ad95f2-team-ecs-demo-main-7",
                BuildTagStepLogic.buildTag(START, SHA, "team/ecs demo/main", 7).toString());
    }

    @Test
    public void buildTag_whenCommitIsNotHex_isInvalidInput() {
        assertThrows(InvalidInputException.class, () -> BuildTagStepLogic.buildTag(START, "HEAD", "ecs-demo", 11));
    }

    @Test
    public void apply_withEnvironment_tagsImageAndLogsOneLinePerTag() throws Exception {
        InMemoryRegistry registry = new InMemoryRegistry().seed("latest", pushed);
        BuildTag tag = BuildTagStepLogic.buildTag(START, SHA, "ecs-demo", 11);

        TagResult r = BuildTagStepLogic.apply(registry, EnvironmentChain.DEFAULT, logger, tag, "latest", "testing", false);

        assertEquals(pushed.digest(), registry.resolve(ImageRef.of(tag.tag())).orElseThrow());
        assertEquals(pushed.digest(), registry.resolve(ImageRef.of(Tag.of("testing"))).orElseThrow());
        assertEquals(pushed.digest(), BuildTagStepLogic.digest(r));
        List<String> lines = log.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(lines.toString(), 2, lines.size());
        assertTrue(lines.get(0), lines.get(0).startsWith("[ecrBuildTag] registry.example.com/demo/app " + tag));
        assertTrue(lines.get(1), lines.get(1).startsWith("[ecrBuildTag] registry.example.com/demo/app testing: (no tag) -> "));
    }

    @Test
    public void apply_bySourceDigest_withoutEnvironment_writesOnlyTheBuildTag() throws Exception {
        InMemoryRegistry registry = new InMemoryRegistry().seed("latest", pushed);
        BuildTag tag = BuildTagStepLogic.buildTag(START, SHA, "ecs-demo", 11);

        TagResult r = BuildTagStepLogic.apply(registry, EnvironmentChain.DEFAULT, logger, tag, pushed.digest().toString(),
                null, false);

        assertEquals(1, registry.calls("putManifest"));
        assertTrue(BuildTagStepLogic.history(r, "run x #1", 1L).isEmpty());
    }

    @Test
    public void history_forEnvironment_namesPreviousAndNewBuild() throws Exception {
        RawManifest old = SyntheticImage.dockerV2("older").manifest();
        InMemoryRegistry registry = new InMemoryRegistry().seed("latest", pushed)
                .seed("2016.08.23T10.00.00Z.1111111-ecs-demo-10", old).seed("testing", old);
        BuildTag tag = BuildTagStepLogic.buildTag(START, SHA, "ecs-demo", 11);

        TagResult r = BuildTagStepLogic.apply(registry, EnvironmentChain.DEFAULT, logger, tag, "latest", "testing", false);

        List<HistoryEntry> h = BuildTagStepLogic.history(r, "run ecs-demo #11", 9L);
        assertEquals(1, h.size());
        assertEquals("testing", h.get(0).getEnvironment());
        assertEquals("2016.08.23T10.00.00Z.1111111-ecs-demo-10", h.get(0).getFromBuildTag());
        assertEquals(old.digest().toString(), h.get(0).getFromDigest());
        assertEquals(tag.toString(), h.get(0).getToBuildTag());
        assertEquals(pushed.digest().toString(), h.get(0).getToDigest());
        assertEquals("promoted", h.get(0).getResult());
    }

    @Test
    public void apply_dryRun_writesNothing() throws Exception {
        InMemoryRegistry registry = new InMemoryRegistry().seed("latest", pushed);
        BuildTag tag = BuildTagStepLogic.buildTag(START, SHA, "ecs-demo", 11);

        TagResult r = BuildTagStepLogic.apply(registry, EnvironmentChain.DEFAULT, logger, tag, "latest", "testing", true);

        assertEquals(0, registry.calls("putManifest"));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("[dry run]"));
        assertEquals("dry run", BuildTagStepLogic.history(r, "a", 1L).get(0).getResult());
    }

    @Test
    public void apply_whenEnvironmentUnknown_isInvalidInputAndWritesNothing() throws Exception {
        InMemoryRegistry registry = new InMemoryRegistry().seed("latest", pushed);
        BuildTag tag = BuildTagStepLogic.buildTag(START, SHA, "ecs-demo", 11);

        assertThrows(InvalidInputException.class,
                () -> BuildTagStepLogic.apply(registry, EnvironmentChain.DEFAULT, logger, tag, "latest", "qa", false));
        assertEquals(0, registry.calls("putManifest"));
    }

    @Test
    public void apply_whenBuildTagNamesAnotherImage_isRefused() throws Exception {
        BuildTag tag = BuildTagStepLogic.buildTag(START, SHA, "ecs-demo", 11);
        InMemoryRegistry registry = new InMemoryRegistry().seed("latest", pushed)
                .seed(tag.toString(), SyntheticImage.dockerV2("other").manifest());

        PromotionRefusedException e = assertThrows(PromotionRefusedException.class,
                () -> BuildTagStepLogic.apply(registry, EnvironmentChain.DEFAULT, logger, tag, "latest", null, false));
        assertEquals(PromotionRefusedException.Policy.BUILD_TAG_TAKEN, e.policy());
    }

    @Test
    public void apply_whenSourceMissing_isInvalidInput() throws Exception {
        InMemoryRegistry registry = new InMemoryRegistry();
        BuildTag tag = BuildTagStepLogic.buildTag(START, SHA, "ecs-demo", 11);

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> BuildTagStepLogic.apply(registry, EnvironmentChain.DEFAULT, logger, tag, "latest", null, false));
        assertTrue(e.getMessage(), e.getMessage().contains("latest"));
    }

    @Test
    public void apply_environmentBeyondTheFirstFromTesting_isRefusedLikeEcrPromote() throws Exception {
        // ecrBuildTag(source: 'testing', environment: 'production') used to move production straight from testing.
        InMemoryRegistry registry = new InMemoryRegistry().seed("testing", pushed);
        BuildTag tag = BuildTagStepLogic.buildTag(START, SHA, "ecs-demo", 11);
        PromotionRefusedException e = assertThrows(PromotionRefusedException.class, () -> BuildTagStepLogic.apply(
                registry, EnvironmentChain.DEFAULT, logger, tag, "testing", "production", false));
        assertEquals(PromotionRefusedException.Policy.NOT_FROM_PREDECESSOR, e.policy());
        assertEquals(0, registry.calls("putManifest"));
        assertTrue(Failures.message(e, "ecrBuildTag").contains("buildTag: or digest:"));
    }

    @Test
    public void apply_whenTheRunIsReplayedLater_keepsTheBuildTagItAlreadyHas() throws Exception {
        InMemoryRegistry registry = new InMemoryRegistry().seed("latest", pushed);
        BuildTag first = BuildTagStepLogic.buildTag(START, SHA, "ecs-demo", 11);
        BuildTagStepLogic.apply(registry, EnvironmentChain.DEFAULT, logger, first, "latest", "testing", false);
        BuildTag later = BuildTagStepLogic.buildTag(START + 3_600_000, SHA, "ecs-demo", 11);
        registry.resetCalls();
        TagResult again = BuildTagStepLogic.apply(registry, EnvironmentChain.DEFAULT, logger, later, "latest", "testing", false);
        assertEquals(first.tag(), again.plan().buildTag());
        assertEquals(0, registry.calls("putManifest"));
    }
}
