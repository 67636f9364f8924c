package io.github.ecrpromotion.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The examples in docs/CLI.md that run offline (an {@code oci:} layout, {@code build-tag}, {@code completion},
 * {@code --version}) run as written: each on a fresh layout made by {@code promote demo}, with {@code /tmp/demo}
 * replaced by that layout's directory. A documented command that stops working fails this test, not a reader.
 */
public class DocumentedCommandsTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static final Path DOC = Path.of(System.getProperty("basedir", "."), "..", "docs", "CLI.md");

    /** Commands in code blocks: lines starting with "$ promote " or "./promote ", that need no registry. */
    static List<String> offlineCommands() throws Exception {
        List<String> out = new ArrayList<>();
        boolean inCode = false;
        for (String line : Files.readAllLines(DOC)) {
            if (line.startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            String cmd = line.startsWith("$ promote ") ? line.substring(2)
                    : line.startsWith("./promote ") ? line.substring(2) : null;
            if (inCode && cmd != null && !cmd.contains("$") && (cmd.contains(" oci:") || cmd.startsWith("promote build-tag")
                    || cmd.startsWith("promote completion") || cmd.startsWith("promote --version"))) {
                out.add(cmd.replaceFirst("\\s+#.*$", "").strip());
            }
        }
        return out;
    }

    @Test
    public void theDocumentedOfflineCommands_exit0() throws Exception {
        List<String> commands = offlineCommands();
        assertTrue(commands.toString(), commands.size() >= 10);
        assertTrue(commands.toString(), commands.stream().anyMatch(c -> c.contains("--source ci-upload")));
        int n = 0;
        for (String command : commands) {
            Path dir = tmp.getRoot().toPath().resolve("demo-" + (++n));
            String[] args = command.replace("/tmp/demo", dir.toString()).substring("promote ".length()).split("\\s+");
            if (!args[0].equals("demo")) {
                assertEquals(0, Cli.run("demo", dir.toString()).exit());
            }
            Cli.Run run = Cli.run(args);
            assertEquals(command + "\n" + run, 0, run.exit());
        }
    }

    @Test
    public void theDocumentedTagExample_printsWhatTheDocShows() throws Exception {
        List<String> lines = Files.readAllLines(DOC);
        int i = lines.indexOf(lines.stream().filter(l -> l.startsWith("$ promote tag oci:/tmp/demo --source ci-upload"))
                .findFirst().orElseThrow());
        Path dir = tmp.getRoot().toPath().resolve("tag-example");
        assertEquals(0, Cli.run("demo", dir.toString()).exit());
        Cli.Run run = Cli.run(lines.get(i).substring("$ promote ".length()).replace("/tmp/demo", dir.toString()).split("\\s+"));
        assertEquals(run.toString(), lines.get(i + 1) + "\n" + lines.get(i + 2) + "\n", run.out());
    }
}
