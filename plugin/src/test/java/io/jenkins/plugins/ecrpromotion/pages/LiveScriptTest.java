package io.jenkins.plugins.ecrpromotion.pages;

import static io.jenkins.plugins.ecrpromotion.pages.PageFixtures.*;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.ecrpromotion.HistoryEntry;
import io.jenkins.plugins.ecrpromotion.ImageRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.Test;

/**
 * The page script (pages/LiveView/live.js) run by a real {@code node} in a small fake DOM (src/test/js/live-harness.js,
 * no jsdom: the build stays offline), fed the JSON that {@link LiveView} makes from the real page models. Needs
 * {@code node} on the PATH (Debian package nodejs; .ci/run installs it): fails, never skips, without it.
 */
public class LiveScriptTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path BASE = Paths.get(System.getProperty("basedir", "."));
    private static final Path LIVE_JS =
            BASE.resolve("src/main/resources/io/jenkins/plugins/ecrpromotion/pages/LiveView/live.js");
    private static final Path HARNESS = BASE.resolve("src/test/js/live-harness.js");
    private static final String HOSTILE = "<img src=x onerror=alert(1)>";
    private static final String POST_BASE = "/jenkins/job/app/11/ecr-promotion/";

    // ---- what the script does with the Java model's JSON

    @Test
    public void showsReadingFirst_thenRendersRowsShortDigestsLinksAndButtons() throws Exception {
        JsonNode out = run(answer(200, buildJson(record11(), true)), 0);

        JsonNode before = section(out.get("before"));
        assertEquals("reading\u2026", text(before));
        assertTrue(before.get("attrs").get("class").asText().contains("ecr-reading"));
        assertEquals(1, out.get("fetches").size());
        assertEquals(POST_BASE + "state", out.get("fetches").get(0).get("url").asText());
        assertEquals("same-origin", out.get("fetches").get(0).get("options").get("credentials").asText());

        JsonNode after = section(out.get("after"));
        assertFalse(after.get("attrs").get("class").asText().contains("ecr-reading"));
        assertFalse(text(after).contains("reading"));
        List<JsonNode> rows = find(after, n -> "tr".equals(tag(n)));
        assertEquals("header + testing, staging, production", 4, rows.size());
        JsonNode testing = rows.get(1);
        List<JsonNode> cells = find(testing, n -> "td".equals(tag(n)));
        assertEquals("testing", text(cells.get(0)));
        JsonNode link = find(cells.get(1), n -> "a".equals(tag(n))).get(0);
        assertEquals("/jenkins/job/app/11/", attr(link, "href"));
        assertEquals(TAG_11, text(link));
        assertTrue(text(cells.get(1)).endsWith("(this build)"));
        String shortDigest = "sha256:" + DIGEST_11.substring(7, 19);
        assertTrue(shortDigest.matches("sha256:[0-9a-f]{12}"));
        JsonNode code = find(cells.get(2), n -> "code".equals(tag(n))).get(0);
        assertEquals(shortDigest, text(code));
        assertEquals("full digest on hover", DIGEST_11,
                attr(find(cells.get(2), n -> DIGEST_11.equals(attr(n, "title"))).get(0), "title"));
        assertEquals("(empty)", text(find(rows.get(2), n -> "td".equals(tag(n))).get(1)));

        List<JsonNode> buttons = find(after, n -> "button".equals(tag(n)) && !attr(n, "class").contains("ecr-copy"));
        assertEquals(1, buttons.size());
        assertEquals("Promote to staging", text(buttons.get(0)));

        JsonNode dialog = out.get("dialogs").get(0);
        assertEquals("Promote to staging", dialog.get("title").asText());
        assertEquals("Promote to staging", dialog.get("options").get("okText").asText());
        assertTrue(dialog.get("options").get("message").asText().startsWith("Promote " + TAG_11));
        JsonNode form = out.get("forms").get(0);
        assertEquals("post", attr(form, "method"));
        assertEquals(POST_BASE + "promote?repository=registry.example.com%2Fdemo%2Fapp&environment=staging"
                + "&mode=promote&from=build", attr(form, "action"));
        assertTrue("a form posts only when in the document", form.get("attached").asBoolean());
        assertNoHtml(out);
    }

    @Test
    public void theFormCarriesTheCrumbFromTheHead() throws Exception {
        JsonNode form = run(answer(200, buildJson(record11(), true)), 0).get("forms").get(0);
        assertEquals(1, form.get("inputs").size());
        JsonNode crumb = form.get("inputs").get(0);
        assertEquals("hidden", crumb.get("type").asText());
        assertEquals("Jenkins-Crumb", crumb.get("name").asText());
        assertEquals("c0ffee\"<crumb>", crumb.get("value").asText());
    }

    @Test
    public void withoutThePromotePermission_noButtonIsRendered() throws Exception {
        JsonNode out = run(answer(200, buildJson(record11(), false)), null);
        assertTrue(find(section(out.get("after")),
                n -> "button".equals(tag(n)) && !attr(n, "class").contains("ecr-copy")).isEmpty());
    }

    @Test
    public void anErrorAnswer_showsStateUnavailableWithTheStatus() throws Exception {
        ObjectNode a = answer(503, null);
        a.put("statusText", "Service Unavailable");
        JsonNode s = section(run(a, null).get("after"));
        assertEquals("state unavailable: HTTP 503 Service Unavailable", text(s));
        assertFalse(attr(s, "class").contains("ecr-reading"));
    }

    @Test
    public void aNetworkFailure_showsStateUnavailableWithTheReason() throws Exception {
        ObjectNode a = MAPPER.createObjectNode();
        a.put("reject", "Failed to fetch");
        assertEquals("state unavailable: Failed to fetch", text(section(run(a, null).get("after"))));
    }

    @Test
    public void anUnreadableRegistry_showsTheJavaReasonAsText() throws Exception {
        BuildPageModel m = BuildPageModel.of(record11(), StateCache.LiveState.unavailable("denied " + HOSTILE),
                List.of(), t -> Optional.empty());
        JsonNode out = run(answer(200, MAPPER.valueToTree(LiveView.forBuild(List.of(m), true, Origin.BUILD))), null);
        assertEquals("state unavailable: denied " + HOSTILE, text(section(out.get("after"))));
        assertNoHtml(out);
    }

    // ---- server text is text, never HTML

    @Test
    public void hostileBuildTagReasonWarningAndActor_areRenderedAsText() throws Exception {
        ImageRecord hostile = new ImageRecord(REPO, HOSTILE, DIGEST_11);
        long at = 1_764_000_000_000L;
        EnvironmentsPageModel.BuildRecord b11 = new EnvironmentsPageModel.BuildRecord(11, "job/app/11/",
                List.of(hostile), List.of(new HistoryEntry(HOSTILE, at, REPO, "testing", null, null, HOSTILE,
                        DIGEST_11, "promoted")));
        StateCache.LiveState live = live(registry().seed("testing", IMAGE_11));
        Map<String, Object> tree = LiveView.forJob(EnvironmentsPageModel.of(List.of(b11), (b, i) -> live,
                t -> Optional.empty()), true);
        ObjectNode json = MAPPER.valueToTree(tree);
        ((ArrayNode) json.get("sections").get(0).get("warnings")).add("warning " + HOSTILE);

        JsonNode out = run(answer(200, json), null);
        String all = text(section(out.get("after")));
        assertTrue(all, all.contains(HOSTILE)); // the actor ("By") column
        assertTrue(all, all.contains("warning " + HOSTILE));
        assertNoHtml(out);
    }

    @Test
    public void theConfirmButtonText_isEscapedForJenkinsDialog() throws Exception {
        ObjectNode json = MAPPER.valueToTree(LiveView.forBuild(List.of(model(record11())), true, Origin.BUILD));
        ObjectNode button = (ObjectNode) json.get("sections").get(0).get("buttons").get(0);
        button.put("label", "Promote to " + HOSTILE + " & \"co\"");
        button.put("message", "Sure? " + HOSTILE);

        JsonNode out = run(answer(200, json), 0);
        JsonNode dialog = out.get("dialogs").get(0);
        assertEquals("Promote to &lt;img src=x onerror=alert(1)&gt; &amp; &quot;co&quot;",
                dialog.get("options").get("okText").asText());
        assertEquals("title and message are text in Jenkins' dialog: given as they are",
                "Promote to " + HOSTILE + " & \"co\"", dialog.get("title").asText());
        assertEquals("Sure? " + HOSTILE, dialog.get("options").get("message").asText());
        assertNoHtml(out);
    }

    // ---- helpers

    private static BuildPageModel model(ImageRecord image) throws Exception {
        return BuildPageModel.of(image, live(registry().seed("testing", IMAGE_11)), List.of(),
                tag -> tag.equals(TAG_11) ? Optional.of("job/app/11/") : Optional.empty());
    }

    private static JsonNode buildJson(ImageRecord image, boolean canPromote) throws Exception {
        // through JsonAnswer, exactly the text the ./state endpoint writes
        return MAPPER.readTree(JsonAnswer.of(LiveView.forBuild(List.of(model(image)), canPromote, Origin.BUILD)).json());
    }

    private static ObjectNode answer(int status, JsonNode body) {
        ObjectNode a = MAPPER.createObjectNode();
        a.put("status", status);
        a.set("body", body);
        return a;
    }

    private static void assertNoHtml(JsonNode out) {
        assertEquals("no HTML sink used", 0, out.get("htmlSinks").size());
        out.get("created").forEach(t -> assertFalse("created <" + t.asText() + ">", "img".equals(t.asText())));
        assertTrue(find(out.get("after"), n -> "img".equals(tag(n))).isEmpty());
    }

    private static JsonNode section(JsonNode tree) {
        List<JsonNode> s = find(tree, n -> "0".equals(attr(n, "data-ecr-section")));
        assertEquals(1, s.size());
        return s.get(0);
    }

    private static String tag(JsonNode n) {
        return n.has("tag") ? n.get("tag").asText() : null;
    }

    private static String attr(JsonNode n, String name) {
        JsonNode a = n.path("attrs").get(name);
        return a == null ? "" : a.asText();
    }

    private static String text(JsonNode n) {
        if (n.has("text")) {
            return n.get("text").asText();
        }
        StringBuilder b = new StringBuilder();
        n.path("children").forEach(c -> b.append(text(c)));
        return b.toString();
    }

    private static List<JsonNode> find(JsonNode n, Predicate<JsonNode> p) {
        List<JsonNode> out = new ArrayList<>();
        if (n.has("tag") && p.test(n)) {
            out.add(n);
        }
        n.path("children").forEach(c -> out.addAll(find(c, p)));
        return out;
    }

    /** Runs the harness with one scenario; {@code click}: index of the button to click after rendering, or null. */
    private static JsonNode run(ObjectNode answer, Integer click) throws Exception {
        assertTrue(LIVE_JS + " missing", Files.isRegularFile(LIVE_JS));
        ObjectNode scenario = MAPPER.createObjectNode();
        scenario.set("answer", answer);
        scenario.put("sections", 1);
        if (click != null) {
            scenario.put("click", click);
        }
        Path file = Files.createTempFile("live-scenario", ".json");
        try {
            Files.writeString(file, MAPPER.writeValueAsString(scenario));
            Process p;
            try {
                p = new ProcessBuilder("node", HARNESS.toString(), LIVE_JS.toString(), file.toString()).start();
            } catch (IOException e) {
                fail("node is needed to test the page script (Debian: apt-get install nodejs): " + e.getMessage());
                return null;
            }
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            byte[] stdout = readAll(p.getInputStream());
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("the harness did not finish");
            }
            String stderr = new String(err.get(), StandardCharsets.UTF_8);
            assertEquals("harness failed: " + stderr, 0, p.exitValue());
            JsonNode out = MAPPER.readTree(stdout);
            assertNotNull(out);
            return out;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream b = new ByteArrayOutputStream()) {
            in.transferTo(b);
            return b.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
