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

    @Test
    public void parse_impossibleDateOrTimeTable_isRefusedNamingWhatIsValid() {
        String[] bad = {
            "2016.02.30T17.13.38Z.5ad95f2-ecs-demo-11", // 30 February (SMART resolving made it the 29th)
            "2015.02.29T17.13.38Z.5ad95f2-ecs-demo-11", // 2015 is not a leap year
            "2016.04.31T17.13.38Z.5ad95f2-ecs-demo-11",
            "2016.00.24T17.13.38Z.5ad95f2-ecs-demo-11",
            "2016.08.00T17.13.38Z.5ad95f2-ecs-demo-11",
            "2016.08.24T24.00.00Z.5ad95f2-ecs-demo-11", // hour 24 (SMART made it the next day)
            "2016.08.24T17.60.38Z.5ad95f2-ecs-demo-11",
            "2016.08.24T17.13.60Z.5ad95f2-ecs-demo-11", // leap second
        };
        for (String b : bad) {
            InvalidInputException e = assertThrows(b, InvalidInputException.class, () -> BuildTag.parse(b));
            assertTrue(e.getMessage(), e.getMessage().startsWith("Tried to read the build tag '" + b + "' but failed because"));
            assertTrue(e.getMessage(), e.getMessage().contains("is not a real UTC date and time"));
            assertTrue(e.getMessage(), e.getMessage().contains("hours 00-23"));
            assertTrue(e.getMessage(), e.getMessage().contains("2016.08.24T17.13.38Z.5ad95f2-ecs-demo-11"));
            assertTrue(b, BuildTagFormat.tryParse(b).isEmpty());
        }
        BuildTag leap = BuildTagFormat.tryParse("2016.02.29T23.59.59Z.5ad95f2-ecs-demo-11").orElseThrow();
        assertEquals(Instant.parse("2016-02-29T23:59:59Z"), leap.time());
    }

    @Test
    public void parse_keepsTheTextExactly_table() throws Exception {
        Object[][] table = {
            // text, job, build number
            {"2016.08.24T17.13.38Z.5ad95f2-app-007", "app", 7L},
            {"2016.08.24T17.13.38Z.5ad95f2-app-0", "app", 0L},
            {"2016.08.24T17.13.38Z.5ad95f2-app-00", "app", 0L},
            {"2016.08.24T17.13.38Z.5ad95f2-app-7-007", "app-7", 7L},
            {"2016.08.24T17.13.38Z.5ad95f2-app-000000000000000011", "app", 11L},
            {"0000.01.01T00.00.00Z.5ad95f2-app-1", "app", 1L},
            {"9999.12.31T23.59.59Z.5ad95f2-app-1", "app", 1L},
        };
        for (Object[] row : table) {
            String text = (String) row[0];
            BuildTag t = BuildTag.parse(text);
            assertEquals(text, t.toString());
            assertEquals(Tag.of(text), t.tag());
            assertEquals(row[1], t.job());
            assertEquals(text, (long) (Long) row[2], t.buildNumber());
            assertEquals(t, BuildTagFormat.tryParse(text).orElseThrow());
            assertEquals(text, BuildTagFormat.tryParse(text).orElseThrow().toString());
        }
    }

    @Test
    public void parse_leadingZeros_isAnotherTagOfTheSameBuild() throws Exception {
        BuildTag padded = BuildTag.parse("2016.08.24T17.13.38Z.5ad95f2-app-007");
        BuildTag plain = BuildTag.parse("2016.08.24T17.13.38Z.5ad95f2-app-7");
        assertFalse(padded.equals(plain));
        assertTrue(padded.sameBuild(plain));
        assertEquals("2016.08.24T17.13.38Z.5ad95f2-app-7", BuildTag.generate(T, "5ad95f2", "app", 7).toString());
    }

    @Test
    public void parse_numberTooLong_isRejected() throws Exception {
        assertThrows(InvalidInputException.class, () -> BuildTag.parse("2016.08.24T17.13.38Z.5ad95f2-app-00000000000000000007"));
        assertThrows(InvalidInputException.class, () -> BuildTag.parse("2016.08.24T17.13.38Z.5ad95f2-app-9223372036854775808"));
        // Every number generate() accepts (any long, 19 digits included) parses back, so a re-run finds its tag.
        BuildTag max = BuildTag.generate(T, "5ad95f2", "app", Long.MAX_VALUE);
        assertEquals(max, BuildTag.parse(max.toString()));
        assertEquals(7, BuildTag.parse("2016.08.24T17.13.38Z.5ad95f2-app-0000000000000000007").buildNumber());
        assertThrows(InvalidInputException.class, () -> BuildTag.parse("2016.08.24T17.13.38Z.5ad95f2-app-" + "x".repeat(100) + "-1"));
    }

    @Test
    public void sameBuild_table() throws Exception {
        BuildTag base = BuildTag.parse("2016.08.24T17.13.38Z.5ad95f2-ecs-demo-11");
        Object[][] table = {
            {"2016.08.24T17.13.38Z.5ad95f2-ecs-demo-11", true},
            {"2016.08.25T09.00.00Z.5ad95f2-ecs-demo-11", true}, // tagged again later: time is ignored
            {"2016.08.24T17.13.38Z.5ad95f2-ecs-demo-011", true},
            {"2016.08.24T17.13.38Z.5ad95f2-ecs-demo-12", false},
            {"2016.08.24T17.13.38Z.6be0a13-ecs-demo-11", false},
            {"2016.08.24T17.13.38Z.5ad95f2-ecs-demo2-11", false},
            {"2016.08.24T17.13.38Z.5ad95f2-ecs-11", false},
        };
        for (Object[] row : table) {
            BuildTag other = BuildTag.parse((String) row[0]);
            assertEquals((String) row[0], row[1], base.sameBuild(other));
            assertEquals((String) row[0], row[1], other.sameBuild(base));
        }
        assertFalse(base.sameBuild(null));
    }

    @Test
    public void of_givesTheCanonicalText_andRefusesBadFields() {
        assertEquals("2016.08.24T17.13.38Z.5ad95f2-ecs-demo-11", BuildTag.of(T, "5ad95f2", "ecs-demo", 11).toString());
        assertThrows(IllegalArgumentException.class, () -> BuildTag.of(T, "5AD95F2", "ecs-demo", 11));
        assertThrows(IllegalArgumentException.class, () -> BuildTag.of(T.plusMillis(1), "5ad95f2", "ecs-demo", 11));
        assertThrows(IllegalArgumentException.class, () -> BuildTag.of(T, "5ad95f2", "-x", 11));
    }

    @Test
    public void generate_timeOutsideFourDigitYears_isRejectedWithReason() {
        for (Instant t : new Instant[] {Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-12-31T23:59:59Z")}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> BuildTag.generate(t, "5ad95f2", "x", 1));
            assertTrue(e.getMessage(), e.getMessage().contains("between years 0000 and 9999"));
        }
    }

    @Test
    public void order_tagsThatOnlyLookLikeBuildTags_neverThrow() {
        List<Tag> tags = new ArrayList<>(List.of(Tag.of("2016.08.24T17.13.38Z"), Tag.of("2016.08.24T17.13.38Z.other-format"),
                Tag.of("2016.02.30T17.13.38Z.5ad95f2-ecs-demo-11"), Tag.of("2016.08.24T24.00.00Z.5ad95f2-ecs-demo-1"),
                Tag.of("2016.08.24T17.13.38Z.5ad95f2-ecs-demo-007"), Tag.of("2016.08.24T17.13.38Z.5ad95f2-ecs-demo-9"),
                Tag.of("2016.08.24T17.13.38Z.5ad95f2-ecs-demo-" + "9".repeat(90)), Tag.of("testing")));
        for (Tag a : tags) {
            for (Tag b : tags) {
                int ab = BuildTagOrder.BUILD_TAGS_NEWEST_FIRST.compare(a, b);
                assertEquals(a + " vs " + b, Integer.signum(ab), -Integer.signum(BuildTagOrder.BUILD_TAGS_NEWEST_FIRST.compare(b, a)));
            }
        }
        tags.sort(BuildTagOrder.BUILD_TAGS_NEWEST_FIRST);
        assertEquals(Tag.of("testing"), tags.get(tags.size() - 1));
        assertEquals(Tag.of("2016.08.24T24.00.00Z.5ad95f2-ecs-demo-1"), BuildTagOrder.newest(tags).orElseThrow());
        assertEquals(List.of(Tag.of("2016.08.24T17.13.38Z.5ad95f2-ecs-demo-9"), Tag.of("2016.08.24T17.13.38Z.5ad95f2-ecs-demo-007")),
                tags.subList(1, 3));
    }

    @Test
    public void newestFirst_ordersParsedTags() throws Exception {
        List<BuildTag> tags = new ArrayList<>(List.of(BuildTag.parse("2016.08.24T17.13.38Z.5ad95f2-ecs-demo-9"),
                BuildTag.parse("2016.08.25T00.00.00Z.5ad95f2-ecs-demo-1"), BuildTag.parse("2016.08.24T17.13.38Z.5ad95f2-ecs-demo-010")));
        tags.sort(BuildTag.NEWEST_FIRST);
        assertEquals(List.of("2016.08.25T00.00.00Z.5ad95f2-ecs-demo-1", "2016.08.24T17.13.38Z.5ad95f2-ecs-demo-010",
                "2016.08.24T17.13.38Z.5ad95f2-ecs-demo-9"), tags.stream().map(BuildTag::toString).toList());
    }
}
