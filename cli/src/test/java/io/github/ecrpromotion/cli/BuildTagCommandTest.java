package io.github.ecrpromotion.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.Test;

/** {@code promote build-tag}: the tag for good input, exit 2 and one clear sentence for bad input. */
public class BuildTagCommandTest {

    /** args -> expected tag. */
    private static final String[][] GOOD = {
        {"--git-sha 5ad95f2 --job ecs-demo --build 11 --time 2016-08-24T17:13:38Z", "2016.08.24T17.13.38Z.5ad95f2-ecs-demo-11"},
        {"--git-sha 5AD95F2C0FFEE1234 --job ecs-demo --build 10 --time 2016-08-24T17:13:38Z", "2016.08.24T17.13.38Z.5ad95f2-ecs-demo-10"},
        {"--git-sha 5ad95f2 --job team/ecs-demo/main --build 7 --time 2016-08-24T17:13:38Z", "2016.08.24T17.13.38Z.5ad95f2-team-ecs-demo-main-7"},
        {"--git-sha 5ad95f2 --job /My.Job!!/feature%2Fx/ --build 0 --time 2016-08-24T17:13:38Z", "2016.08.24T17.13.38Z.5ad95f2-My.Job-feature-2Fx-0"},
        // an offset is converted to UTC; fractions of a second are dropped
        {"--git-sha 5ad95f2 --job ecs-demo --build 12 --time 2016-08-24T19:13:38.999+02:00", "2016.08.24T17.13.38Z.5ad95f2-ecs-demo-12"},
    };

    @Test
    public void buildTag_withGoodInput_printsTheTag() {
        for (String[] row : GOOD) {
            Cli.Run run = Cli.run(args("build-tag " + row[0]));
            assertEquals(row[0] + "\n" + run, 0, run.exit());
            assertEquals(row[0], row[1] + "\n", run.out());
            assertEquals(row[0], "", run.err());
        }
    }

    @Test
    public void buildTag_withJobContainingSpaces_sanitisesIt() {
        Cli.Run run = Cli.run("build-tag", "--git-sha", "5ad95f2", "--job", "team / ecs demo", "--build", "3",
                "--time", "2016-08-24T17:13:38Z");
        assertEquals(run.toString(), 0, run.exit());
        assertEquals("2016.08.24T17.13.38Z.5ad95f2-team-ecs-demo-3\n", run.out());
    }

    @Test
    public void buildTag_withoutTime_usesNowInUtc() {
        String today = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy.MM.dd"));
        Cli.Run run = Cli.run("build-tag", "--git-sha", "5ad95f2", "--job", "ecs-demo", "--build", "11");
        assertEquals(run.toString(), 0, run.exit());
        // The day may roll over between the two clock reads only at midnight; accept the next day too.
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).format(DateTimeFormatter.ofPattern("yyyy.MM.dd"));
        assertTrue(run.out(), run.out().matches("(" + today.replace(".", "\\.") + "|" + tomorrow.replace(".", "\\.")
                + ")T\\d\\d\\.\\d\\d\\.\\d\\dZ\\.5ad95f2-ecs-demo-11\n"));
    }

    /** args -> a fragment the error sentence must contain. */
    private static final String[][] BAD = {
        {"--git-sha xyz1234 --job ecs-demo --build 1", "git sha 'xyz1234' is not a commit id"},
        {"--git-sha 5ad95f --job ecs-demo --build 1", "7 to 64 hexadecimal digits"},
        {"--git-sha 5ad95f2 --job !!! --build 1", "job name '!!!'"},
        {"--git-sha 5ad95f2 --job ecs-demo --build -1", "negative"},
        {"--git-sha 5ad95f2 --job ecs-demo --build eleven", "'eleven' is not a whole number in the digits 0-9"},
        {"--git-sha 5ad95f2 --job ecs-demo --build 1 --time 2016-08-24T17:13:38", "ISO-8601 date and time with a zone"},
        {"--git-sha 5ad95f2 --job ecs-demo --build 1 --time yesterday", "build time 'yesterday'"},
        {"--git-sha 5ad95f2 --job ecs-demo", "Missing required argument"},
        {"--job ecs-demo --build 1", "--git-sha"},
        {"--git-sha 5ad95f2 --job ecs-demo --build 1 --bogus", "Unknown option: '--bogus'"},
    };

    @Test
    public void buildTag_withBadInput_exits2WithOneSentenceAndNoStackTrace() {
        for (String[] row : BAD) {
            Cli.Run run = Cli.run(args("build-tag " + row[0]));
            assertEquals(row[0] + "\n" + run, 2, run.exit());
            assertEquals(row[0], "", run.out());
            assertTrue(row[0] + "\n" + run, run.err().contains(row[1]));
            assertTrue(row[0] + "\n" + run, run.err().startsWith("error: "));
            assertEquals(row[0] + "\n" + run, 1, run.err().lines().count());
            assertFalse(row[0] + "\n" + run, run.err().contains("\tat "));
        }
    }

    static String[] args(String line) {
        return line.split(" ");
    }
}
