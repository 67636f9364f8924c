package io.github.ecrpromotion.core.registry;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class FileBuildTagDigestsTest {
    private static final Repository APP = Repository.of("registry.example:5000/team/app");
    private static final Repository OTHER = Repository.of("registry.example:5000/team/other");
    private static final Tag B10 = Tag.of("2016.08.24T17.13.38Z.5ad95f2-ecs-demo-10");
    private static final Tag B11 = Tag.of("2016.08.24T17.20.02Z.6be0a13-ecs-demo-11");
    private static final Digest D1 = Digest.sha256("one".getBytes(StandardCharsets.UTF_8));
    private static final Digest D2 = Digest.sha256("two".getBytes(StandardCharsets.UTF_8));

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private FileBuildTagDigests store(Path dir) {
        return (FileBuildTagDigests) BuildTagDigests.inDirectory(dir);
    }

    @Test
    public void update_thenLoad_keepsEachRepositorysAnswersApart() throws Exception {
        FileBuildTagDigests s = store(tmp.getRoot().toPath().resolve("cache"));
        s.update(APP, Map.of(B10, D1, B11, D2), Set.of());
        s.update(OTHER, Map.of(B10, D2), Set.of());
        assertEquals(Map.of(B10, D1, B11, D2), store(tmp.getRoot().toPath().resolve("cache")).load(APP));
        assertEquals(Map.of(B10, D2), s.load(OTHER));
        s.update(APP, Map.of(), Set.of(B11));
        assertEquals(Map.of(B10, D1), s.load(APP));
    }

    @Test
    public void newDirectoryAndFiles_areForTheUserOnly() throws Exception {
        Path dir = tmp.getRoot().toPath().resolve("a/b/cache");
        FileBuildTagDigests s = store(dir);
        s.update(APP, Map.of(B10, D1), Set.of());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(s.fileOf(APP))));
        try (var files = Files.list(dir)) {
            assertEquals("no temporary file is left behind", 1, files.count());
        }
    }

    @Test
    public void aCorruptOrForeignFile_countsAsEmpty_andIsReplacedAtTheNextUpdate() throws Exception {
        Path dir = tmp.getRoot().toPath();
        FileBuildTagDigests s = store(dir);
        s.update(APP, Map.of(B10, D1), Set.of());
        Path file = s.fileOf(APP);
        for (String bad : List.of("", "garbage", Files.readString(file).replace(D1.toString(), "sha256:zz"),
                Files.readString(file).replace(B10.value(), "not a tag!"),
                Files.readString(file).replace(APP.toString(), OTHER.toString()),
                Files.readString(file) + "one too many fields here\n")) {
            Files.writeString(file, bad);
            assertEquals(bad, Map.of(), s.load(APP));
        }
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertEquals(Map.of(), s.load(APP));
        s.update(APP, Map.of(B11, D2), Set.of());
        assertEquals(Map.of(B11, D2), s.load(APP));
    }

    @Test
    public void aPlantedSymbolicLink_isNeitherReadNorWrittenThrough() throws Exception {
        Path dir = tmp.newFolder("cache").toPath();
        FileBuildTagDigests s = store(dir);
        // A valid cache file elsewhere, linked in under the repository's name.
        Path elsewhere = tmp.newFolder("elsewhere").toPath();
        FileBuildTagDigests other = store(elsewhere);
        other.update(APP, Map.of(B10, D1), Set.of());
        String before = Files.readString(other.fileOf(APP));
        Files.createSymbolicLink(s.fileOf(APP), other.fileOf(APP));
        assertEquals(Map.of(), s.load(APP));
        s.update(APP, Map.of(B11, D2), Set.of());
        assertEquals("the link's target is untouched", before, Files.readString(other.fileOf(APP)));
        assertFalse("the link itself was replaced", Files.isSymbolicLink(s.fileOf(APP)));
        assertEquals(Map.of(B11, D2), s.load(APP));
    }

    /**
     * A FIFO (or a device) planted under the repository's name: opening it for reading would wait for a writer that
     * never comes, and the run would hang before its first request. It must count as empty, as any other odd file.
     */
    @Test
    public void aPlantedFifo_isNotOpened_andIsReplacedAtTheNextUpdate() throws Exception {
        Path dir = tmp.newFolder("cache").toPath();
        FileBuildTagDigests s = store(dir);
        Path fifo = s.fileOf(APP);
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
        java.util.concurrent.atomic.AtomicReference<Map<Tag, Digest>> loaded = new java.util.concurrent.atomic.AtomicReference<>();
        Thread reader = new Thread(() -> loaded.set(s.load(APP)));
        reader.setDaemon(true);
        reader.start();
        // Generous: a load that does not open the FIFO is over in milliseconds; one that does never ends by itself.
        reader.join(20_000);
        boolean hung = reader.isAlive();
        if (hung) {
            // Let the stuck reader go: opening the FIFO read-write (never blocks) and closing it gives it an end of file.
            new java.io.RandomAccessFile(fifo.toFile(), "rw").close();
            reader.join();
        }
        assertFalse("loading a FIFO blocked until a writer came", hung);
        assertEquals(Map.of(), loaded.get());
        s.update(APP, Map.of(B10, D1), Set.of());
        assertTrue(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS));
        assertEquals(Map.of(B10, D1), s.load(APP));
    }

    @Test
    public void aCacheDirectoryThatIsALink_isNotUsed() throws Exception {
        Path real = tmp.newFolder("real").toPath();
        Path link = tmp.getRoot().toPath().resolve("link");
        Files.createSymbolicLink(link, real);
        FileBuildTagDigests s = store(link);
        s.update(APP, Map.of(B10, D1), Set.of());
        try (var files = Files.list(real)) {
            assertEquals(0, files.count());
        }
        assertEquals(Map.of(), s.load(APP));
    }

    @Test
    public void aDirectoryThatCannotBeMade_isSkippedQuietly() throws Exception {
        Path file = tmp.newFile("not-a-directory").toPath();
        FileBuildTagDigests s = store(file.resolve("cache"));
        s.update(APP, Map.of(B10, D1), Set.of());
        assertEquals(Map.of(), s.load(APP));
        assertTrue(Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    public void writersAtTheSameTime_neverLeaveAFileThatDoesNotParse() throws Exception {
        Path dir = tmp.getRoot().toPath().resolve("shared");
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            int id = w;
            // One store object per writer, as separate processes have.
            FileBuildTagDigests s = store(dir);
            writers.add(new Thread(() -> {
                for (int i = 0; i < 40; i++) {
                    Tag t = Tag.of("2016.08.24T17.13.38Z.5ad95f2-w" + id + "-" + i);
                    s.update(APP, Map.of(t, D1), Set.of());
                }
            }));
        }
        writers.forEach(Thread::start);
        for (Thread t : writers) {
            t.join();
        }
        Map<Tag, Digest> now = store(dir).load(APP);
        assertFalse("the last writer's file parses", now.isEmpty());
        try (var files = Files.list(dir)) {
            assertEquals("no temporary file is left behind", 1, files.count());
        }
    }

    @Test
    public void inMemory_sharesAnswersBetweenUsersOfOneStore() {
        BuildTagDigests m = BuildTagDigests.inMemory();
        m.update(APP, Map.of(B10, D1), Set.of());
        m.update(APP, Map.of(B11, D2), Set.of(B10));
        assertEquals(Map.of(B11, D2), m.load(APP));
        assertEquals(Map.of(), m.load(OTHER));
        assertEquals(Map.of(), BuildTagDigests.NONE.load(APP));
    }
}
