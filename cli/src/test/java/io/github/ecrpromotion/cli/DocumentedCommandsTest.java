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

    /**
     * Every offline {@code $ promote} line of a console block that is followed by output (up to a blank line, the next
     * command or the block's end, leaving out lines with "…", which elide) prints exactly that output on a fresh
     * {@code promote demo} layout.
     */
    @Test
    public void theDocumentedOutputs_areWhatTheCommandsPrint() throws Exception {
        List<String> lines = Files.readAllLines(DOC);
        List<String> offline = offlineCommands();
        boolean inCode = false;
        int checked = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            if (!inCode || !line.startsWith("$ promote ") || !offline.contains(line.substring(2).strip())) {
                continue;
            }
            StringBuilder shown = new StringBuilder();
            int j = i + 1;
            for (; j < lines.size() && !lines.get(j).isEmpty() && !lines.get(j).startsWith("$ ")
                    && !lines.get(j).startsWith("```"); j++) {
                shown.append(lines.get(j)).append('\n');
            }
            if (shown.length() == 0 || shown.indexOf("\u2026") >= 0 || shown.indexOf("...") >= 0
                    || shown.toString().startsWith("error:")) {
                continue;
            }
            Path dir = tmp.getRoot().toPath().resolve("out-" + i);
            String command = line.substring(2).strip();
            String[] args = command.replace("/tmp/demo", dir.toString()).substring("promote ".length()).split("\\s+");
            if (!args[0].equals("demo")) {
                assertEquals(0, Cli.run("demo", dir.toString()).exit());
            }
            Cli.Run run = Cli.run(args);
            assertEquals(command + "\n" + run, shown.toString(), run.out().replace(dir.toString(), "/tmp/demo"));
            checked++;
        }
        assertTrue("no documented output was checked", checked >= 3);
    }
}
