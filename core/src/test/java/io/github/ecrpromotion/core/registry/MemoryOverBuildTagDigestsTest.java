package io.github.ecrpromotion.core.registry;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** {@link BuildTagDigests#inMemoryOver}: the plugin's store, memory in front of a directory under JENKINS_HOME. */
public class MemoryOverBuildTagDigestsTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static final Repository A = Repository.of("registry.example.com/team/a");
    private static final Repository B = Repository.of("registry.example.com/team/b");
    private static final Tag B10 = Tag.of("2016.08.24T17.13.38Z.5ad95f2-ecs-demo-10");
    private static final Tag B11 = Tag.of("2016.08.24T17.20.02Z.6be0a13-ecs-demo-11");
    private static final Digest D1 = Digest.sha256("one".getBytes(StandardCharsets.UTF_8));
    private static final Digest D2 = Digest.sha256("two".getBytes(StandardCharsets.UTF_8));

    /** The directory store, counting its loads. */
    private final class CountingDisk implements BuildTagDigests {
        final AtomicInteger loads = new AtomicInteger();
        final BuildTagDigests disk;

        CountingDisk(Path dir) {
            disk = BuildTagDigests.inDirectory(dir);
        }

        @Override
        public Map<Tag, Digest> load(Repository repository) {
            loads.incrementAndGet();
            return disk.load(repository);
        }

        @Override
        public void update(Repository repository, Map<Tag, Digest> learned, Set<Tag> forgotten) {
            disk.update(repository, learned, forgotten);
        }
    }

    @Test
    public void aRepositoryIsReadFromDiskOnce_thenFromMemory_andUpdatesReachBoth() throws Exception {
        Path dir = tmp.newFolder("build-tags").toPath();
        BuildTagDigests.inDirectory(dir).update(A, Map.of(B10, D1), Set.of());
        CountingDisk disk = new CountingDisk(dir);
        BuildTagDigests store = BuildTagDigests.inMemoryOver(disk, 8);
        assertEquals(Map.of(B10, D1), store.load(A));
        assertEquals(Map.of(B10, D1), store.load(A));
        assertEquals(1, disk.loads.get());

        store.update(A, Map.of(B11, D2), Set.of(B10));
        assertEquals(Map.of(B11, D2), store.load(A));
        // what a restarted controller reads
        assertEquals(Map.of(B11, D2), BuildTagDigests.inDirectory(dir).load(A));
    }

    @Test
    public void onlyTheRepositoriesUsedLastStayInMemory() throws Exception {
        CountingDisk disk = new CountingDisk(tmp.newFolder("build-tags").toPath());
        BuildTagDigests store = BuildTagDigests.inMemoryOver(disk, 1);
        store.load(A);
        store.load(B); // A leaves memory
        store.load(A); // read from disk again
        assertEquals(3, disk.loads.get());
    }

    @Test
    public void aCapBelowOne_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> BuildTagDigests.inMemoryOver(BuildTagDigests.NONE, 0));
    }
}
