package io.github.ecrpromotion.cli;

import static io.github.ecrpromotion.cli.DemoLayout.B10;
import static io.github.ecrpromotion.cli.DemoLayout.B11;
import static io.github.ecrpromotion.cli.DemoLayout.B12;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** {@code promote demo}: the design's story end to end on a fresh layout. */
public class DemoCommandTest {
    /** The design's final JSON, in chain order. */
    static final String FINAL = "{\n"
            + "  \"testing\": \"2016.08.24T17.13.38Z.5ad95f2-ecs-demo-12\",\n"
            + "  \"staging\": \"2016.08.24T17.13.38Z.5ad95f2-ecs-demo-12\",\n"
            + "  \"production\": \"2016.08.24T17.13.38Z.5ad95f2-ecs-demo-11\"\n"
            + "}\n";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void demo_playsTheStoryAndEndsWithTheDesignsFinalJson() throws Exception {
        File dir = new File(tmp.getRoot(), "demo");
        Cli.Run run = Cli.run("demo", dir.getPath());
        assertEquals(run.toString(), 0, run.exit());
        assertEquals(run.toString(), "", run.err());
        assertTrue(run.out(), run.out().startsWith("Demo layout: " + dir.getAbsolutePath() + "\n"));
        assertTrue(run.out(), run.out().endsWith("\n" + FINAL));
        assertTrue(Files.isRegularFile(dir.toPath().resolve("oci-layout")));

        // The state after each of the eight steps, in order: the design's two tables, then its final state.
        List<String> states = states(run.out());
        assertEquals(List.of(
                json(B10, null, null),
                json(B10, B10, null),
                json(B10, B10, B10),
                json(B11, B10, B10),
                json(B11, B11, B10),   // the design's first table
                json(B12, B11, B10),
                json(B12, B11, B11),   // the design's second table
                json(B12, B12, B11)), states);
        assertEquals(FINAL, states.get(7));

        // Every step names the command that does the same by hand, each with its own caption.
        assertEquals(8, run.out().lines().filter(l -> l.startsWith("Step ")).count());
        assertEquals(3, run.out().lines().filter(l -> l.startsWith("$ promote tag oci:")).count());
        assertEquals(5, run.out().lines().filter(l -> l.startsWith("$ promote to ")).count());

        // The layout really holds that state, read back through `promote state`.
        Cli.Run state = Cli.run("state", "oci:" + dir.getPath());
        assertEquals(FINAL, state.out());
        Cli.Run detail = Cli.run("state", "oci:" + dir.getPath(), "--detail");
        assertTrue(detail.out(), detail.out().contains(
                "\"production\": {\"buildTag\": \"" + B11 + "\", \"digest\": \"" + DemoLayout.image(11).manifest().digest()));
    }

    @Test
    public void demo_withoutDir_makesANewTemporaryDirectoryAndSaysWhere() throws Exception {
        Cli.Run run = Cli.run("demo");
        assertEquals(run.toString(), 0, run.exit());
        Matcher m = Pattern.compile("Demo layout: (\\S+)\n").matcher(run.out());
        assertTrue(run.out(), m.lookingAt());
        Path dir = Path.of(m.group(1));
        try {
            assertTrue(dir.getFileName().toString().startsWith("promote-demo-"));
            assertTrue(Files.isRegularFile(dir.resolve("index.json")));
            assertEquals(FINAL, Cli.run("state", "oci:" + dir).out());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    public void demo_intoNonEmptyDirectory_exits2AndTouchesNothing() throws Exception {
        File dir = tmp.newFolder("busy");
        Path keep = Files.writeString(dir.toPath().resolve("keep.txt"), "mine");
        Cli.Run run = Cli.run("demo", dir.getPath());
        assertEquals(run.toString(), 2, run.exit());
        assertTrue(run.err(), run.err().contains("the directory is not empty"));
        try (Stream<Path> files = Files.list(dir.toPath())) {
            assertEquals(List.of(keep), files.toList());
        }
        assertEquals("mine", Files.readString(keep));
    }

    @Test
    public void demo_twiceInTheSameDirectory_refusesTheSecondRun() throws Exception {
        File dir = new File(tmp.getRoot(), "again");
        assertEquals(0, Cli.run("demo", dir.getPath()).exit());
        Cli.Run second = Cli.run("demo", dir.getPath());
        assertEquals(second.toString(), 2, second.exit());
        assertEquals(FINAL, Cli.run("state", "oci:" + dir.getPath()).out());
    }

    private static String json(String testing, String staging, String production) {
        List<String> fields = new ArrayList<>();
        fields.add("  \"testing\": \"" + testing + "\"");
        if (staging != null) {
            fields.add("  \"staging\": \"" + staging + "\"");
        }
        if (production != null) {
            fields.add("  \"production\": \"" + production + "\"");
        }
        return "{\n" + String.join(",\n", fields) + "\n}\n";
    }

    /** The JSON objects in the output, each from a line "{" to a line "}". */
    private static List<String> states(String out) {
        List<String> states = new ArrayList<>();
        StringBuilder cur = null;
        for (String line : out.lines().toList()) {
            if (line.equals("{")) {
                cur = new StringBuilder();
            }
            if (cur != null) {
                cur.append(line).append('\n');
            }
            if (line.equals("}") && cur != null) {
                states.add(cur.toString());
                cur = null;
            }
        }
        return states;
    }
}
