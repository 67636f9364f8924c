package io.github.ecrpromotion.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The repository's {@code promote} launcher and its class-data archive, run from a copy of the launcher beside a copy
 * of the jar (so it never builds): the first run of a verb makes the archive, later runs map it with nothing on
 * stderr, a failed run keeps none, and runs started together leave one whole archive and no temp file.
 */
public class PromoteLauncherIT {
    private static final Path BASEDIR = Path.of(System.getProperty("basedir", "."));

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path root;
    private Path target;

    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    @Before
    public void copyLauncherAndJar() throws IOException {
        root = tmp.newFolder("root").toPath();
        target = Files.createDirectories(root.resolve("cli/target"));
        Files.copy(BASEDIR.resolve("../promote"), root.resolve("promote"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(BASEDIR.resolve("target/promote.jar"), target.resolve("promote.jar"),
                StandardCopyOption.COPY_ATTRIBUTES);
    }

    private Result run(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", root.resolve("promote").toString()));
        cmd.addAll(List.of(args));
        Path out = tmp.newFile().toPath();
        Path err = tmp.newFile().toPath();
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        pb.environment().remove("PROMOTE_CDS");
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the launcher did not finish: " + cmd);
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private List<String> filesInTarget() throws IOException {
        try (Stream<Path> s = Files.list(target)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("promote.jar")).sorted()
                    .collect(Collectors.toList());
        }
    }

    @Test
    public void firstRun_makesTheArchive_laterRunsMapItQuietly() throws Exception {
        Result first = run(Map.of(), "--version");
        assertEquals(first.toString(), 0, first.exit());
        assertEquals(first.toString(), "", first.err());
        List<String> files = filesInTarget();
        assertEquals(files.toString(), 1, files.size());
        assertTrue(files.toString(), files.get(0).matches("promote-.*-other\\.jsa"));
        Object made = Files.readAttributes(target.resolve(files.get(0)), BasicFileAttributes.class).fileKey();

        Result second = run(Map.of(), "--version");
        assertEquals(second.toString(), first.out(), second.out());
        assertEquals(second.toString(), "", second.err());
        assertEquals(files, filesInTarget());
        assertEquals("the same archive, not a new one", made,
                Files.readAttributes(target.resolve(files.get(0)), BasicFileAttributes.class).fileKey());

        // The archive is a static one: it holds picocli's Java 5 class files too, which a dynamic archive skips.
        Result logged = run(Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + tmp.getRoot().toPath()
                .resolve("classes.log")), "--version");
        assertEquals(logged.toString(), 0, logged.exit());
        List<String> picocli = Files.readAllLines(tmp.getRoot().toPath().resolve("classes.log")).stream()
                .filter(l -> l.contains(" picocli.CommandLine ")).collect(Collectors.toList());
        assertEquals(picocli.toString(), 1, picocli.size());
        assertTrue(picocli.get(0), picocli.get(0).endsWith("source: shared objects file"));

        Result demo = run(Map.of(), "demo", tmp.getRoot().toPath().resolve("demo").toString());
        assertEquals(demo.toString(), 0, demo.exit());
        assertEquals(demo.toString(), "", demo.err());
        assertEquals("one archive per verb", 2, filesInTarget().size());
    }

    @Test
    public void failedFirstRun_keepsItsExitCodeAndNoArchive() throws Exception {
        Result bad = run(Map.of(), "to", "production");
        assertEquals(bad.toString(), PromoteCommand.INVALID_INPUT, bad.exit());
        assertEquals(List.of(), filesInTarget());
    }

    @Test
    public void cdsOff_makesNoArchive() throws Exception {
        Result r = run(Map.of("PROMOTE_CDS", "0"), "--version");
        assertEquals(r.toString(), 0, r.exit());
        assertEquals(List.of(), filesInTarget());
    }

    @Test
    public void concurrentFirstRuns_leaveOneWholeArchiveAndNoTempFile() throws Exception {
        List<Process> runs = new ArrayList<>();
        List<Path> outs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Path out = tmp.newFile().toPath();
            outs.add(out);
            List<String> cmd = List.of("bash", root.resolve("promote").toString(), "demo",
                    tmp.getRoot().toPath().resolve("demo-" + i).toString());
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
            pb.environment().remove("PROMOTE_CDS");
            runs.add(pb.start());
        }
        for (int i = 0; i < runs.size(); i++) {
            assertTrue(runs.get(i).waitFor(300, TimeUnit.SECONDS));
            assertEquals(Files.readString(outs.get(i)), 0, runs.get(i).exitValue());
        }
        List<String> files = filesInTarget();
        assertEquals(files.toString(), 1, files.size());
        assertTrue(files.toString(), files.get(0).matches("promote-.*-demo\\.jsa"));
        // The archive is whole: a run that maps it works, and says nothing on stderr.
        Result after = run(Map.of(), "demo", tmp.getRoot().toPath().resolve("demo-after").toString());
        assertEquals(after.toString(), 0, after.exit());
        assertEquals(after.toString(), "", after.err());
        assertEquals(files, filesInTarget());
    }
}
