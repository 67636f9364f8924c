package io.jenkins.plugins.ecrpromotion.pages;

import io.jenkins.plugins.ecrpromotion.HistoryEntry;
import io.jenkins.plugins.ecrpromotion.ImageRecord;

import static io.jenkins.plugins.ecrpromotion.pages.PageFixtures.*;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.testkit.InMemoryRegistry;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.Test;

/** The button rules and the rows of the build page, against an in-memory registry. */
public class BuildPageModelTest {
    private static final Function<String, Optional<String>> NO_LINKS = t -> Optional.empty();

    private static List<String> labels(BuildPageModel m) {
        return m.getButtons().stream().map(BuildPageModel.Button::getLabel).collect(Collectors.toList());
    }

    private static HistoryEntry put(String env, String toTag, String toDigest, String result) {
        return new HistoryEntry("alice", 1L, REPO, env, null, null, toTag, toDigest, result);
    }

    @Test
    public void buttons_whenImageInPredecessor_offersPromoteToNext() throws Exception {
        InMemoryRegistry r = registry().seed("testing", IMAGE_11);
        BuildPageModel m = BuildPageModel.of(record11(), live(r), List.of(), NO_LINKS);
        assertEquals(List.of("Promote to staging"), labels(m));
        BuildPageModel.Button b = m.getButtons().get(0);
        assertEquals("staging", b.getEnvironment());
        assertEquals(BuildPageModel.MODE_PROMOTE, b.getMode());
        assertEquals("promote?repository=registry.example.com%2Fdemo%2Fapp&environment=staging&mode=promote", b.getQuery());
        assertTrue(b.getConfirmation(), b.getConfirmation().contains("staging holds no image yet"));
    }

    @Test
    public void buttons_whenImageAlreadyInNext_offersNoPromote() throws Exception {
        InMemoryRegistry r = registry().seed("testing", IMAGE_11).seed("staging", IMAGE_11).seed("production", IMAGE_11);
        BuildPageModel m = BuildPageModel.of(record11(), live(r), List.of(), NO_LINKS);
        assertEquals(List.of(), labels(m));
    }

    @Test
    public void buttons_whenImageInLastEnvironment_offersNoPromote() throws Exception {
        // only production holds build 11: nothing comes after production, and staging is not fed by production
        InMemoryRegistry r = registry().seed("testing", IMAGE_12).seed("staging", IMAGE_12).seed("production", IMAGE_11);
        BuildPageModel m = BuildPageModel.of(record11(), live(r), List.of(), NO_LINKS);
        assertEquals(List.of(), labels(m));
    }

    @Test
    public void buttons_whenNotInAnyEnvironment_offersNothing() throws Exception {
        BuildPageModel m = BuildPageModel.of(record11(), live(registry()), List.of(), NO_LINKS);
        assertEquals(List.of(), labels(m));
    }

    @Test
    public void buttons_whenImageHeldEnvironmentBefore_offersRollback() throws Exception {
        InMemoryRegistry r = registry().seed("testing", IMAGE_12).seed("staging", IMAGE_12).seed("production", IMAGE_12);
        List<HistoryEntry> history = List.of(put("production", TAG_11, DIGEST_11, "promoted"));
        BuildPageModel m = BuildPageModel.of(record11(), live(r), history, NO_LINKS);
        assertEquals(List.of("Roll back production to " + TAG_11), labels(m));
        assertEquals(BuildPageModel.MODE_ROLLBACK, m.getButtons().get(0).getMode());
        assertTrue(m.getButtons().get(0).getConfirmation().contains("production now holds " + TAG_12));
    }

    @Test
    public void buttons_whenHistoryShowsOnlyADryRun_offersNoRollback() throws Exception {
        // a dry run of ecrPromote (or ecrBuildTag) records what it would have done; the image was never there
        InMemoryRegistry r = registry().seed("testing", IMAGE_12).seed("staging", IMAGE_12).seed("production", IMAGE_12);
        List<HistoryEntry> history = List.of(put("production", TAG_11, DIGEST_11, HistoryEntry.DRY_RUN),
                put("staging", TAG_11, DIGEST_11, "Dry run"));
        assertEquals(List.of(), labels(BuildPageModel.of(record11(), live(r), history, NO_LINKS)));
    }

    @Test
    public void buttons_whenHeldBeforeAndStillThere_offersNoRollback() throws Exception {
        InMemoryRegistry r = registry().seed("testing", IMAGE_11).seed("staging", IMAGE_11).seed("production", IMAGE_11);
        List<HistoryEntry> history = List.of(put("production", TAG_11, DIGEST_11, "promoted"));
        assertEquals(List.of(), labels(BuildPageModel.of(record11(), live(r), history, NO_LINKS)));
    }

    @Test
    public void buttons_whenHistoryShowsOnlyFailedAttemptOrOtherImage_offersNoRollback() throws Exception {
        InMemoryRegistry r = registry().seed("production", IMAGE_12);
        List<HistoryEntry> history = List.of(put("production", TAG_11, DIGEST_11, "failed: refused"),
                put("production", TAG_12, DIGEST_12, "promoted"),
                new HistoryEntry("bob", 2L, "other.example.com/x/y", "production", null, null, TAG_11, DIGEST_11, "promoted"));
        assertEquals(List.of(), labels(BuildPageModel.of(record11(), live(r), history, NO_LINKS)));
    }

    @Test
    public void buttons_whenPromotableAndHeldBefore_offersOnlyThePromotion() throws Exception {
        InMemoryRegistry r = registry().seed("testing", IMAGE_11).seed("staging", IMAGE_12);
        List<HistoryEntry> history = List.of(put("staging", TAG_11, DIGEST_11, "promoted"));
        assertEquals(List.of("Promote to staging"), labels(BuildPageModel.of(record11(), live(r), history, NO_LINKS)));
    }

    @Test
    public void buttons_whenNoDigestRecorded_matchesByBuildTag() throws Exception {
        InMemoryRegistry r = registry().seed("testing", IMAGE_11);
        ImageRecord noDigest = new ImageRecord(REPO, TAG_11, null);
        assertEquals(List.of("Promote to staging"), labels(BuildPageModel.of(noDigest, live(r), List.of(), NO_LINKS)));
    }

    @Test
    public void rows_showWhatEachEnvironmentHoldsNow_withLinks() throws Exception {
        InMemoryRegistry r = registry().seed("testing", IMAGE_12).seed("staging", IMAGE_11);
        Function<String, Optional<String>> links = t -> t.equals(TAG_11) ? Optional.of("job/ecs-demo/11/") : Optional.empty();
        BuildPageModel m = BuildPageModel.of(record11(), live(r), List.of(), links);
        assertEquals("job/ecs-demo/11/", m.getBuildUrl());
        assertEquals(3, m.getRows().size());
        BuildPageModel.EnvironmentRow testing = m.getRows().get(0);
        assertEquals("testing", testing.getEnvironment());
        assertEquals(TAG_12, testing.getBuildTag());
        assertEquals(DIGEST_12, testing.getDigest());
        assertNull(testing.getBuildUrl());
        assertFalse(testing.isThisBuild());
        BuildPageModel.EnvironmentRow staging = m.getRows().get(1);
        assertEquals("job/ecs-demo/11/", staging.getBuildUrl());
        assertTrue(staging.isThisBuild());
        BuildPageModel.EnvironmentRow production = m.getRows().get(2);
        assertFalse(production.isPresent());
        assertNull(production.getDigest());
        assertNull(m.getUnavailable());
    }

    @Test
    public void model_whenStateFails_saysUnavailableAndOffersNoButton() {
        BuildPageModel m = BuildPageModel.of(record11(),
                StateCache.LiveState.unavailable("Tried to read the state but failed because the registry timed out\n\tat x.y"),
                List.of(put("production", TAG_11, DIGEST_11, "promoted")), NO_LINKS);
        assertEquals("state unavailable: Tried to read the state but failed because the registry timed out", m.getUnavailable());
        assertTrue(m.getRows().isEmpty());
        assertTrue(m.getButtons().isEmpty());
        assertEquals(TAG_11, m.getBuildTag());
        assertEquals(DIGEST_11, m.getDigest());
    }
}
