package io.github.ecrpromotion.core.registry;

import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@link BuildTagDigests} in a directory: one text file per repository, named by the sha256 of the repository's
 * canonical form, whose first lines name the format and the repository and whose other lines are
 * {@code <build tag> <digest>}. Anything unexpected (another repository, a bad line, a file too big, a symbolic
 * link, a FIFO or anything else that is not a regular file) makes the file count as empty; it is replaced at the
 * next update.
 */
final class FileBuildTagDigests implements BuildTagDigests {
    private static final String FORMAT = "# ecr-promotion build tag digests v1";
    private static final String REPOSITORY = "# repository ";
    /** About 150 bytes a line: room for several hundred thousand build tags. */
    static final long MAX_BYTES = 64L << 20;

    private final Path directory;

    FileBuildTagDigests(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    Path fileOf(Repository repository) {
        String hex = Digest.sha256(repository.toString().getBytes(StandardCharsets.UTF_8)).hex();
        return directory.resolve(hex + ".tags");
    }

    @Override
    public Map<Tag, Digest> load(Repository repository) {
        Path file = fileOf(repository);
        try {
            // Only a regular file is opened: a FIFO would block the open until a writer came (the run would hang
            // before its first request), a device could be endless.
            if (!Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isRegularFile()) {
                return Map.of();
            }
        } catch (IOException | RuntimeException missing) {
            return Map.of();
        }
        // NOFOLLOW_LINKS: a link planted in the cache directory is never read through.
        try (InputStream in = Channels.newInputStream(Files.newByteChannel(file, Set.of(StandardOpenOption.READ,
                LinkOption.NOFOLLOW_LINKS)))) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                return Map.of();
            }
            return parse(repository, new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException unreadable) {
            return Map.of();
        }
    }

    private static Map<Tag, Digest> parse(Repository repository, String text) {
        String[] lines = text.split("\n");
        if (lines.length < 2 || !lines[0].equals(FORMAT) || !lines[1].equals(REPOSITORY + repository)) {
            return Map.of();
        }
        Map<Tag, Digest> out = new LinkedHashMap<>();
        for (int i = 2; i < lines.length; i++) {
            String[] parts = lines[i].split(" ", -1);
            if (parts.length != 2) {
                return Map.of();
            }
            // Tag.of and Digest.of refuse anything malformed: the whole file is then ignored.
            out.put(Tag.of(parts[0]), Digest.of(parts[1]));
        }
        return out;
    }

    @Override
    public synchronized void update(Repository repository, Map<Tag, Digest> learned, Set<Tag> forgotten) {
        if (learned.isEmpty() && forgotten.isEmpty()) {
            return;
        }
        try {
            if (!ensureDirectory()) {
                return;
            }
            Map<Tag, Digest> all = new LinkedHashMap<>(load(repository));
            all.putAll(learned);
            forgotten.forEach(all::remove);
            StringBuilder sb = new StringBuilder(FORMAT).append('\n').append(REPOSITORY).append(repository).append('\n');
            all.forEach((t, d) -> sb.append(t.value()).append(' ').append(d).append('\n'));
            Path tmp = createTemp();
            try {
                Files.write(tmp, sb.toString().getBytes(StandardCharsets.UTF_8));
                Path target = fileOf(repository);
                try {
                    // A rename replaces a planted link itself, never the file it points at.
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException ignored) {
            // A cache that cannot be written only costs requests next time.
        }
    }

    /** True when the directory exists (created 0700 if missing) and is a real directory, not a link to one. */
    private boolean ensureDirectory() throws IOException {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            Path parent = directory.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                if (posix()) {
                    Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectory(directory);
                }
            } catch (FileAlreadyExistsException raced) {
                // another process made it meanwhile: checked below like any existing one
            }
        }
        return Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS);
    }

    private Path createTemp() throws IOException {
        // A fresh name created exclusively (O_EXCL), mode 0600: nothing planted can be written through.
        return posix() ? Files.createTempFile(directory, ".tags-", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(directory, ".tags-", ".tmp");
    }

    private boolean posix() {
        return directory.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    @Override
    public String toString() {
        return "build tag cache in " + directory;
    }
}
