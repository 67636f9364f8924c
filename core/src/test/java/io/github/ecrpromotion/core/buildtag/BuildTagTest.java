package io.github.ecrpromotion.core.buildtag;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.InvalidInputException;
import io.github.ecrpromotion.core.ref.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class BuildTagTest {
    private static final Instant T = Instant.parse("2016-08-24T17:13:38Z");

    @Test
    public void generate_designExample_matchesTheDesign() throws Exception {
        assertEquals("2016.08.24T17.13.38Z.5ad95f2-ecs-demo-11",
                BuildTag.generate(T, "5ad95f2", "ecs-demo", 11).toString());
    }

    @Test
    public void generate_goodInputTable() throws Exception {
        Object[][] table = {
            // time, sha, job, number, expected
            {T, "5AD95F2C0FFEE1234", "ecs-demo", 11L, "2016.08.24T17.13.38Z.5ad95f2-ecs-demo-11"},
            {T, "5ad95f2c0ffee1234567890abcdef1234567890a", "team/ecs-demo/main", 3L, "2016.08.24T17.13.38Z.5ad95f2-team-ecs-demo-main-3"},
            {T, "5ad95f2", "Team Folder » my job", 1L, "2016.08.24T17.13.38Z.5ad95f2-Team-Folder-my-job-1"},
            {T, "5ad95f2", "--weird//name--", 0L, "2016.08.24T17.13.38Z.5ad95f2-weird-name-0"},
            {T, "5ad95f2", "feature%2Fx", 7L, "2016.08.24T17.13.38Z.5ad95f2-feature-2Fx-7"},
            {T, "5ad95f2", "a_b.c", 42L, "2016.08.24T17.13.38Z.5ad95f2-a_b.c-42"},
            {Instant.parse("2016-08-24T17:13:38.987Z"), "5ad95f2", "x", 1L, "2016.08.24T17.13.38Z.5ad95f2-x-1"},
        };
        for (Object[] row : table) {
            BuildTag tag = BuildTag.generate((Instant) row[0], (String) row[1], (String) row[2], (Long) row[3]);
            assertEquals(String.valueOf(row[2]), row[4], tag.toString());
            assertTrue(Tag.PATTERN.matcher(tag.toString()).matches());
        }
    }

    @Test
    public void generate_badInputTable_isRejectedWithReason() {
        Object[][] table = {
            {T, "5ad95f", "job", 1L, "7 to 64 hexadecimal"},
            {T, "not-a-sha", "job", 1L, "not a commit id"},
            {T, "zzzzzzz", "job", 1L, "not a commit id"},
            {T, null, "job", 1L, "not a commit id"},
            {T, "5ad95f2", "///", 1L, "job name"},
            {T, "5ad95f2", "", 1L, "job name"},
            {T, "5ad95f2", "job", -1L, "negative"},
            {null, "5ad95f2", "job", 1L, "build time"},
        };
        for (Object[] row : table) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> BuildTag.generate((Instant) row[0], (String) row[1], (String) row[2], (Long) row[3]));
            assertTrue(e.getMessage(), e.getMessage().contains((String) row[4]));
        }
    }

    @Test
    public void generate_whenTooLong_shortensOnlyTheJob() throws Exception {
        String longJob = "folder/".repeat(40) + "job";
        BuildTag tag = BuildTag.generate(T, "5ad95f2", longJob, 123456);
        String text = tag.toString();
        assertEquals(128, text.length());
        assertTrue(text, text.startsWith("2016.08.24T17.13.38Z.5ad95f2-folder-folder"));
        assertTrue(text, text.endsWith("-123456"));
        assertTrue(Tag.PATTERN.matcher(text).matches());
        assertFalse(text, text.contains("--"));
        assertEquals(tag, BuildTag.parse(text));
    }

    @Test
    public void parse_roundTripsGenerate() throws Exception {
        List<String> jobs = List.of("ecs-demo", "team/ecs-demo/main", "a", "x.y_z", "job-with-9-digits-99");
        for (String job : jobs) {
            for (long n : new long[] {0, 1, 11, 123456789}) {
                BuildTag made = BuildTag.generate(T, "0123456789abcdef", job, n);
                BuildTag parsed = BuildTag.parse(made.toString());
                assertEquals(made, parsed);
                assertEquals(T, parsed.time());
                assertEquals("0123456", parsed.gitSha());
                assertEquals(BuildTagFormat.sanitizeJob(job), parsed.job());
                assertEquals(n, parsed.buildNumber());
            }
        }
    }

    @Test
    public void parse_readsTheFields() throws Exception {
        BuildTag t = BuildTag.parse("2016.08.24T17.13.38Z.5ad95f2-ecs-demo-11");
        assertEquals(T, t.time());
        assertEquals("5ad95f2", t.gitSha());
        assertEquals("ecs-demo", t.job());
        assertEquals(11, t.buildNumber());
    }

    @Test
    public void parse_badInputTable_isRejected() {
        String[] bad = {
            "testing", "2016.08.24T17.13.38Z", "2016.08.24T17.13.38Z.5ad95f2-ecs-demo", "2016.08.24T17.13.38Z.5AD95F2-ecs-demo-11",
            "2016.13.24T17.13.38Z.5ad95f2-ecs-demo-11", "2016.08.24T17.13.38Z.5ad95f-ecs-demo-11",
            "2016.08.24T17.13.38Z.5ad95f2--11", "2016.08.24 17.13.38Z.5ad95f2-ecs-demo-11", "", null,
        };
        for (String b : bad) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> BuildTag.parse(b));
            assertTrue(e.getMessage(), e.getMessage().contains("2016.08.24T17.13.38Z.5ad95f2-ecs-demo-11"));
        }
    }

    @Test
    public void isBuildTag_recognisesTheLeadingTimestamp() {
        assertTrue(BuildTag.isBuildTag(Tag.of("2016.08.24T17.13.38Z.5ad95f2-ecs-demo-11")));
        assertTrue(BuildTag.isBuildTag(Tag.of("2016.08.24T17.13.38Z.other-format")));
        assertFalse(BuildTag.isBuildTag(Tag.of("testing")));
        assertFalse(BuildTag.isBuildTag(Tag.of("v2016.08.24T17.13.38Z")));
        assertFalse(BuildTag.isBuildTag(Tag.of("latest")));
    }

    @Test
    public void order_putsBuildTagsFirstNewestFirst() {
        List<Tag> tags = new ArrayList<>(List.of(Tag.of("testing"), Tag.of("2016.08.24T17.13.38Z.5ad95f2-ecs-demo-9"),
                Tag.of("2016.08.25T00.00.00Z.5ad95f2-ecs-demo-12"), Tag.of("2016.08.24T17.13.38Z.5ad95f2-ecs-demo-10"),
                Tag.of("production")));
        tags.sort(BuildTagOrder.BUILD_TAGS_NEWEST_FIRST);
        assertEquals(List.of("2016.08.25T00.00.00Z.5ad95f2-ecs-demo-12", "2016.08.24T17.13.38Z.5ad95f2-ecs-demo-10",
                "2016.08.24T17.13.38Z.5ad95f2-ecs-demo-9", "production", "testing"),
                tags.stream().map(Tag::toString).toList());
        assertEquals(Tag.of("2016.08.25T00.00.00Z.5ad95f2-ecs-demo-12"), BuildTagOrder.newest(tags).orElseThrow());
    }
}
