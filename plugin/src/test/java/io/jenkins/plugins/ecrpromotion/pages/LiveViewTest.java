package io.jenkins.plugins.ecrpromotion.pages;

import static io.jenkins.plugins.ecrpromotion.pages.PageFixtures.*;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.ecrpromotion.HistoryEntry;
import io.jenkins.plugins.ecrpromotion.ImageRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import org.junit.Test;

/** The JSON the page script renders: short digests with the full one on hover and copy, buttons only for promoters. */
public class LiveViewTest {
    private static JsonNode json(Map<String, Object> tree) {
        try {
            return new ObjectMapper().readTree(JsonAnswer.of(tree).json());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static BuildPageModel model(StateCache.LiveState live) {
        return BuildPageModel.of(record11(), live, List.of(), tag -> tag.equals(TAG_11) ? Optional.of("job/app/11/")
                : Optional.empty());
    }

    @Test
    public void forBuild_rowsCarryShortDigestFullDigestOnHoverAndCopy_andTheButtonPostsBackToItsPage() throws Exception {
        JsonNode j = json(LiveView.forBuild(List.of(model(live(registry().seed("testing", IMAGE_11)))), true,
                Origin.BUILD));
        JsonNode section = j.get("sections").get(0);
        assertEquals(List.of("Environment", "Holds now", "Digest"), texts(section.get("columns")));
        JsonNode testing = section.get("rows").get(0);
        assertEquals("testing", testing.get(0).get("text").asText());
        JsonNode holds = testing.get(1);
        assertEquals(TAG_11, holds.get("text").asText());
        assertEquals("job/app/11/", holds.get("href").asText());
        assertEquals("(this build)", holds.get("note").asText());
        JsonNode digest = testing.get(2);
        assertEquals("sha256:" + DIGEST_11.substring(7, 19), digest.get("text").asText());
        assertEquals(DIGEST_11, digest.get("title").asText());
        assertEquals(DIGEST_11, digest.get("copy").asText());
        assertEquals("(empty)", section.get("rows").get(1).get(1).get("text").asText());
        JsonNode button = section.get("buttons").get(0);
        assertEquals("Promote to staging", button.get("label").asText());
        assertTrue(button.get("message").asText().startsWith("Promote " + TAG_11 + " from testing to staging?"));
        assertTrue(button.get("post").asText().startsWith("promote?repository="));
        assertTrue(button.get("post").asText().endsWith("&environment=staging&mode=promote&from=build"));
        assertFalse(button.get("destructive").asBoolean());
    }

    @Test
    public void forBuild_withoutThePromotePermission_offersNoButton() throws Exception {
        JsonNode j = json(LiveView.forBuild(List.of(model(live(registry().seed("testing", IMAGE_11)))), false,
                Origin.BUILD));
        assertTrue(j.get("sections").get(0).get("buttons").isEmpty());
    }

    @Test
    public void forBuild_unavailable_carriesTheReasonLine() {
        JsonNode j = json(LiveView.forBuild(List.of(model(StateCache.LiveState.unavailable("denied\nat line 2"))),
                true, Origin.ACTION));
        assertEquals("state unavailable: denied", j.get("sections").get(0).get("unavailable").asText());
    }

    @Test
    public void forJob_timesAreIsoUtcToTheSecond_andButtonsNameTheirBuild() throws Exception {
        long at = 1_764_000_000_123L;
        EnvironmentsPageModel.BuildRecord b11 = new EnvironmentsPageModel.BuildRecord(11, "job/app/11/",
                List.of(new ImageRecord(REPO, TAG_11, DIGEST_11)),
                List.of(new HistoryEntry("alice", at, REPO, "testing", null, null, TAG_11, DIGEST_11, "promoted")));
        StateCache.LiveState live = live(registry().seed("testing", IMAGE_11));
        EnvironmentsPageModel m = EnvironmentsPageModel.of(List.of(b11), (b, i) -> live, t -> Optional.empty());

        JsonNode section = json(LiveView.forJob(m, true)).get("sections").get(0);
        assertEquals("Actions", section.get("columns").get(5).asText());
        JsonNode testing = section.get("rows").get(0);
        assertEquals("#11", testing.get(1).get("text").asText());
        assertEquals(TAG_11, testing.get(1).get("title").asText());
        JsonNode when = testing.get(3);
        assertEquals("2025-11-24T16:00:00Z", when.get("time").asText());
        assertEquals("2025-11-24 16:00:00 UTC", when.get("title").asText());
        assertTrue("shown as how long ago", when.get("ago").asBoolean());
        assertEquals("alice", testing.get(4).get("text").asText());
        JsonNode staging = section.get("rows").get(1).get(5);
        assertTrue(staging.get("buttons").get(0).get("post").asText()
                .matches("promote\\?build=11&repository=.*&environment=staging&mode=promote&from=environments"));

        JsonNode readOnly = json(LiveView.forJob(m, false)).get("sections").get(0);
        assertEquals(5, readOnly.get("columns").size());
        assertEquals(5, readOnly.get("rows").get(1).size());
    }
}
