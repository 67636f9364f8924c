package io.github.ecrpromotion.core.registry;

import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a backend remembers, per repository, the digest each build tag named when it last asked. Build tags never
 * move (a rule of this product), so an answer stays true; still, the backend confirms a remembered answer with one
 * request before a rule relies on it, and never concludes "no build tag on this image" from remembered answers alone.
 * A stale, corrupt or lying store therefore costs requests, never a wrong decision. Implementations never throw: a
 * store that cannot be read is empty, and a failure to write is ignored.
 *
 * <p>The CLI keeps one file per repository under the user's cache directory ({@link #inDirectory}); a long-running
 * server shares one {@link #inMemory()} store between its runs, or a directory of its own.
 */
public interface BuildTagDigests {

    /** The remembered build tag -> digest answers of the repository; empty when none, unreadable or corrupt. */
    Map<Tag, Digest> load(Repository repository);

    /** Adds {@code learned} to the repository's answers and drops {@code forgotten} (tags found gone or moved). */
    void update(Repository repository, Map<Tag, Digest> learned, Set<Tag> forgotten);

    /** Remembers nothing. */
    BuildTagDigests NONE = new BuildTagDigests() {
        @Override
        public Map<Tag, Digest> load(Repository repository) {
            return Map.of();
        }

        @Override
        public void update(Repository repository, Map<Tag, Digest> learned, Set<Tag> forgotten) {
        }

        @Override
        public String toString() {
            return "no build tag cache";
        }
    };

    /** Remembers in this process only; thread-safe, so parallel runs of one server can share it. */
    static BuildTagDigests inMemory() {
        return new BuildTagDigests() {
            private final Map<Repository, Map<Tag, Digest>> byRepository = new ConcurrentHashMap<>();

            @Override
            public Map<Tag, Digest> load(Repository repository) {
                Map<Tag, Digest> m = byRepository.get(repository);
                return m == null ? Map.of() : Map.copyOf(m);
            }

            @Override
            public void update(Repository repository, Map<Tag, Digest> learned, Set<Tag> forgotten) {
                Map<Tag, Digest> m = byRepository.computeIfAbsent(repository, r -> new ConcurrentHashMap<>());
                m.putAll(learned);
                forgotten.forEach(m::remove);
            }

            @Override
            public String toString() {
                return "build tag cache in memory";
            }
        };
    }

    /**
     * {@code backing} (a directory, say) with the answers of the {@code maxRepositories} repositories used last kept in
     * memory too: a load is served from memory once the repository was read, an update goes to both. For a server
     * whose runs share one store and should not read a file per run; thread-safe when {@code backing} is.
     *
     * @throws IllegalArgumentException when {@code maxRepositories} is below 1
     */
    static BuildTagDigests inMemoryOver(BuildTagDigests backing, int maxRepositories) {
        if (maxRepositories < 1) {
            throw new IllegalArgumentException("maxRepositories must be at least 1, not " + maxRepositories);
        }
        return new BuildTagDigests() {
            // access-ordered: the repository used longest ago leaves first
            private final Map<Repository, Map<Tag, Digest>> recent = new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Repository, Map<Tag, Digest>> eldest) {
                    return size() > maxRepositories;
                }
            };

            @Override
            public synchronized Map<Tag, Digest> load(Repository repository) {
                return recent.computeIfAbsent(repository, r -> Map.copyOf(backing.load(r)));
            }

            @Override
            public synchronized void update(Repository repository, Map<Tag, Digest> learned, Set<Tag> forgotten) {
                backing.update(repository, learned, forgotten);
                Map<Tag, Digest> m = new java.util.HashMap<>(recent.getOrDefault(repository, backing.load(repository)));
                m.putAll(learned);
                forgotten.forEach(m::remove);
                recent.put(repository, Map.copyOf(m));
            }

            @Override
            public String toString() {
                return "build tag cache in memory over " + backing;
            }
        };
    }

    /**
     * One file per repository in {@code directory} (created with mode 0700 when missing), replaced whole by a
     * temporary file and a rename, so concurrent writers never leave half a file; symbolic links are not followed.
     */
    static BuildTagDigests inDirectory(Path directory) {
        return new FileBuildTagDigests(directory);
    }
}
