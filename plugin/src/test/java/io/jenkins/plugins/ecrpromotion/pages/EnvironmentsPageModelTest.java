package io.jenkins.plugins.ecrpromotion.pages;

import static io.jenkins.plugins.ecrpromotion.pages.PageFixtures.*;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.testkit.InMemoryRegistry;
import io.jenkins.plugins.ecrpromotion.HistoryEntry;
import io.jenkins.plugins.ecrpromotion.ImageRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.Test;

/** The Environments page model: rows per environment, this job's builds, when and by whom, the build pages' buttons. */
public class EnvironmentsPageModelTest {
    private static final Function<String, Optional<String>> NO_LINKS = t -> Optional.empty();
    private static final long T1 = 1_764_000_000_000L;

    private static HistoryEntry put(String actor, long at, String env, String tag, String digest, String result) {
        return new HistoryEntry(actor, at, REPO, env, null, null, tag, digest, result);
    }

    private static EnvironmentsPageModel.BuildRecord build(int n, String tag, String digest, HistoryEntry... history) {
        return new EnvironmentsPageModel.BuildRecord(n, "job/app/" + n + "/", List.of(new ImageRecord(REPO, tag, digest)),
                List.of(history));
    }

    private static List<String> buttons(EnvironmentsPageModel.Row row) {
        return row.getButtons().stream().map(Object::toString).toList();
    }

    private final List<String> reads = new ArrayList<>();

    private EnvironmentsPageModel model(InMemoryRegistry r, EnvironmentsPageModel.BuildRecord... builds) throws Exception {
        StateCache.LiveState live = live(r);
        return EnvironmentsPageModel.of(List.of(builds), (b, image) -> {
            reads.add("#" + b.number() + " " + image.getRepository());
            return live;
        }, NO_LINKS);
    }

    @Test
    public void rows_showThisJobsBuildShortDigestAndWhoPutItThere() throws Exception {
        InMemoryRegistry r = registry().seed("testing", IMAGE_12).seed("staging", IMAGE_11);
        EnvironmentsPageModel m = model(r,
                build(12, TAG_12, DIGEST_12, put("run app #12", T1 + 5000, "testing", TAG_12, DIGEST_12, "promoted")),
                build(11, TAG_11, DIGEST_11, put("run app #11", T1, "testing", TAG_11, DIGEST_11, "promoted"),
                        put("alice", T1 + 1000, "staging", TAG_11, DIGEST_11, "promoted")));

        assertEquals("one state read per repository, with the newest build's settings", List.of("#12 " + REPO), reads);
        EnvironmentsPageModel.Section s = m.getSections().get(0);
        assertEquals(REPO, s.getRepository());
        assertNull(s.getUnavailable());
        assertEquals(List.of("testing", "staging", "production"),
                s.getRows().stream().map(EnvironmentsPageModel.Row::getEnvironment).toList());
        EnvironmentsPageModel.Row testing = s.getRows().get(0);
        assertEquals(Integer.valueOf(12), testing.getBuildNumber());
        assertEquals("job/app/12/", testing.getBuildUrl());
        assertEquals("run app #12", testing.getPromotedBy());
        assertEquals(Long.valueOf(T1 + 5000), testing.getPromotedAtMillis());
        assertEquals(DIGEST_12.substring(0, "sha256:".length() + 12), testing.getShortDigest());
        EnvironmentsPageModel.Row staging = s.getRows().get(1);
        assertEquals(Integer.valueOf(11), staging.getBuildNumber());
        assertEquals("alice", staging.getPromotedBy());
        assertEquals("2025-11-24T16:00:01Z", staging.getPromotedAt());
        EnvironmentsPageModel.Row production = s.getRows().get(2);
        assertFalse(production.isPresent());
        assertNull(production.getBuildNumber());
        assertNull(production.getPromotedBy());
    }

    @Test
    public void buttons_areTheBuildPagesOnes_promoteThePredecessorsBuildAndRollBackToEarlierOnes() throws Exception {
        // testing holds 12 (ready for staging); production held 11 before and holds 12 now.
        InMemoryRegistry r = registry().seed("testing", IMAGE_12).seed("staging", IMAGE_11).seed("production", IMAGE_12);
        EnvironmentsPageModel m = model(r,
                build(12, TAG_12, DIGEST_12, put("bob", T1 + 9000, "production", TAG_12, DIGEST_12, "promoted")),
                build(11, TAG_11, DIGEST_11, put("alice", T1, "production", TAG_11, DIGEST_11, "promoted")));

        List<EnvironmentsPageModel.Row> rows = m.getSections().get(0).getRows();
        assertEquals(List.of(), buttons(rows.get(0)));
        assertEquals(List.of("#12 Promote to staging"), buttons(rows.get(1)));
        // staging holds 11, so its build page offers to promote it on: no roll-back button beside that.
        assertEquals(List.of("#11 Promote to production"), buttons(rows.get(2)));
        EnvironmentsPageModel.JobButton promote = rows.get(1).getButtons().get(0);
        assertEquals("promote?build=12&repository=" + BuildPageModel.Button.enc(REPO)
                + "&environment=staging&mode=promote", promote.getQuery());
        assertTrue(promote.getButton().getConfirmation().contains("staging now holds " + TAG_11));
        assertTrue(!rows.get(2).getButtons().get(0).getButton().isDestructive());

        // Once 12 is everywhere, production can go back to 11, which it held before.
        reads.clear();
        InMemoryRegistry later = registry().seed("testing", IMAGE_12).seed("staging", IMAGE_12).seed("production", IMAGE_12);
        List<EnvironmentsPageModel.Row> now = model(later,
                build(12, TAG_12, DIGEST_12, put("bob", T1 + 9000, "production", TAG_12, DIGEST_12, "promoted")),
                build(11, TAG_11, DIGEST_11, put("alice", T1, "production", TAG_11, DIGEST_11, "promoted")))
                .getSections().get(0).getRows();
        assertEquals(List.of("#11 Roll back production to " + TAG_11), buttons(now.get(2)));
        assertTrue(now.get(2).getButtons().get(0).getButton().isDestructive());
        assertEquals(List.of(), buttons(now.get(1)));
    }

    @Test
    public void rollbacks_offerAtMostFiveEarlierBuilds_newestFirst_andNeverAFailedOrDryRunAttempt() throws Exception {
        InMemoryRegistry r = registry().seed("production", IMAGE_12);
        List<EnvironmentsPageModel.BuildRecord> builds = new ArrayList<>();
        builds.add(build(20, TAG_12, DIGEST_12, put("bob", T1, "production", TAG_12, DIGEST_12, "promoted")));
        for (int n = 19; n >= 13; n--) {
            RawManifest image = SyntheticImage.dockerV2("build " + n).manifest();
            builds.add(build(n, "2026.11.2" + (n % 10) + "T09.00.00Z.abcdef1-ecs-demo-" + n, image.digest().toString(),
                    put("bob", T1 - n, "production", null, image.digest().toString(), n == 19 ? "failed: refused"
                            : n == 18 ? "dry run" : "promoted")));
        }
        EnvironmentsPageModel m = model(r, builds.toArray(new EnvironmentsPageModel.BuildRecord[0]));

        List<EnvironmentsPageModel.JobButton> b = m.getSections().get(0).getRows().get(2).getButtons();
        assertEquals(EnvironmentsPageModel.MAX_ROLLBACKS, b.size());
        assertEquals(List.of(17, 16, 15, 14, 13), b.stream().map(EnvironmentsPageModel.JobButton::getBuildNumber).toList());
    }

    @Test
    public void unavailableState_showsTheReasonAndNoRowsOrButtons() {
        EnvironmentsPageModel m = EnvironmentsPageModel.of(List.of(build(11, TAG_11, DIGEST_11)),
                (b, i) -> StateCache.LiveState.unavailable("the registry did not answer within the timeout of 17 s"),
                NO_LINKS);
        EnvironmentsPageModel.Section s = m.getSections().get(0);
        assertEquals("state unavailable: the registry did not answer within the timeout of 17 s", s.getUnavailable());
        assertTrue(s.getRows().isEmpty());
    }

    @Test
    public void repositories_areListedFromTheRecordsAloneInNewestFirstOrder() {
        EnvironmentsPageModel.BuildRecord two = new EnvironmentsPageModel.BuildRecord(12, "job/app/12/",
                List.of(new ImageRecord("registry.example.com/demo/web", null, null), new ImageRecord(REPO, TAG_12, DIGEST_12)),
                List.of());
        assertEquals(List.of("registry.example.com/demo/web", REPO),
                EnvironmentsPageModel.repositories(List.of(two, build(11, TAG_11, DIGEST_11))));
    }

    @Test
    public void anImageOfAnotherJob_isLinkedByItsBuildTagWithoutANumber() throws Exception {
        InMemoryRegistry r = registry().seed("testing", IMAGE_12);
        StateCache.LiveState live = live(r);
        EnvironmentsPageModel m = EnvironmentsPageModel.of(List.of(build(11, TAG_11, DIGEST_11)), (b, i) -> live,
                tag -> tag.equals(TAG_12) ? Optional.of("job/other/12/") : Optional.empty());
        EnvironmentsPageModel.Row testing = m.getSections().get(0).getRows().get(0);
        assertNull(testing.getBuildNumber());
        assertEquals("job/other/12/", testing.getBuildUrl());
        assertEquals(TAG_12, testing.getBuildTag());
    }
}
