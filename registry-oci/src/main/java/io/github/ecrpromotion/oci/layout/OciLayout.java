package io.github.ecrpromotion.oci.layout;

import io.github.ecrpromotion.core.image.Blob;
import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.MediaTypes;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.PutResult;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryException.Reason;
import io.github.ecrpromotion.oci.internal.Json;
import io.github.ecrpromotion.oci.internal.ManifestShape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * An on-disk OCI image layout: {@code oci-layout}, {@code index.json} and {@code blobs/sha256/<hex>}. Creates
 * layouts, writes blobs and whole images ({@link #push}), and tags manifests. Writers of {@code index.json} take an
 * in-process lock and a file lock on {@code index.json.lock}, read the index, change it, write a temp file in the
 * same directory and rename it over {@code index.json}, so concurrent threads and processes lose no tag and readers
 * never see a half-written index. Blobs are never deleted.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/image-layout.md">OCI image layout</a>
 */
public final class OciLayout {
    static final String LAYOUT_FILE = "oci-layout";
    static final String INDEX_FILE = "index.json";
    static final String LOCK_FILE = "index.json.lock";
    static final String TEMP_SUFFIX = ".tmp";
    private static final SecureRandom RANDOM = new SecureRandom();
    static final long STALE_BLOB_TEMP_MILLIS = 60L * 60 * 1000;
    /** Registries refuse manifests over 4 MiB; nothing bigger is read as a manifest. */
    private static final long MAX_MANIFEST = 4L * 1024 * 1024;
    /** FileChannel.lock is held per JVM, not per thread, so threads of one JVM queue on this lock first. */
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path dir;

    private OciLayout(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /**
     * Makes an empty layout in {@code dir} (created if missing). Refuses a directory that already has files in it,
     * so an existing layout or other data is never overwritten.
     */
    public static OciLayout create(Path dir) throws RegistryException {
        OciLayout layout = new OciLayout(dir);
        Path d = layout.dir;
        try {
            Files.createDirectories(d);
            try (Stream<Path> files = Files.list(d)) {
                if (files.findAny().isPresent()) {
                    throw new RegistryException(Reason.CONFLICT, "Tried to create an OCI image layout in " + d
                            + " but failed because the directory is not empty; choose a new or empty directory");
                }
            }
            Files.createDirectories(d.resolve("blobs").resolve("sha256"));
            layout.writeAtomically(d.resolve(INDEX_FILE), LayoutIndex.empty().write().getBytes(StandardCharsets.UTF_8));
            layout.writeAtomically(d.resolve(LAYOUT_FILE),
                    "{\"imageLayoutVersion\":\"1.0.0\"}\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw LayoutErrors.io("create the layout", d, e);
        }
        return layout;
    }

    /** An existing layout; a directory without an {@code oci-layout} file is NOT_FOUND. */
    public static OciLayout open(Path dir) throws RegistryException {
        OciLayout layout = new OciLayout(dir);
        if (!Files.isRegularFile(layout.dir.resolve(LAYOUT_FILE))) {
            throw LayoutErrors.notALayout(layout.dir);
        }
        return layout;
    }

    /** The layout directory (absolute). */
    public Path path() {
        return dir;
    }

    /** The {@code oci:PATH} repository of this layout. */
    public Repository repository() {
        return Repository.layout(dir);
    }

    /** The port over this layout. */
    public LayoutRegistry registry() {
        return new LayoutRegistry(repository());
    }

    /**
     * Writes every blob of the image (its children's too), then the child manifests, then the image's manifest, and
     * points the tag at it. Returns the manifest's digest.
     */
    public Digest push(SyntheticImage image, Tag tag) throws RegistryException {
        for (Blob b : image.allBlobs()) {
            writeBlob(b.bytes());
        }
        writeManifests(image);
        tag(tag, image.manifest());
        return image.manifest().digest();
    }

    private void writeManifests(SyntheticImage image) throws RegistryException {
        for (SyntheticImage child : image.children()) {
            writeManifests(child);
        }
        writeBlob(image.manifest().bytes());
    }

    /** Stores a blob under its sha256 (no-op when present) and returns the digest. */
    public Digest writeBlob(byte[] bytes) throws RegistryException {
        Digest digest = Digest.sha256(bytes);
        Path target = blobPath(digest);
        if (Files.isRegularFile(target)) {
            return digest;
        }
        try {
            Files.createDirectories(target.getParent());
            writeAtomically(target, bytes);
        } catch (IOException e) {
            throw LayoutErrors.io("write blob " + digest, dir, e);
        }
        return digest;
    }

    /** Whether a blob with this digest is stored. */
    public boolean hasBlob(Digest digest) {
        return Files.isRegularFile(blobPath(digest));
    }

    Path blobPath(Digest digest) {
        return dir.resolve("blobs").resolve("sha256").resolve(digest.hex());
    }

    /**
     * Reads index.json as it is now (a missing index.json is an empty index). Needs no lock: writes are renames. A
     * FIFO, device or directory in its place is refused before it is opened, so a read never blocks on it.
     */
    LayoutIndex readIndex() throws RegistryException {
        Path file = dir.resolve(INDEX_FILE);
        try {
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (NoSuchFileException absent) {
                if (Files.isSymbolicLink(file)) {
                    throw absent; // a link to nothing: say so rather than start an empty index behind it
                }
                return LayoutIndex.empty();
            }
            if (!attrs.isRegularFile()) {
                throw LayoutErrors.notRegular("read index.json", dir, INDEX_FILE);
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
            return LayoutIndex.parse(text);
        } catch (CharacterCodingException e) {
            throw LayoutErrors.badJson("read index.json", dir, "index.json",
                    new IllegalArgumentException("it is not UTF-8", e));
        } catch (IOException e) {
            throw LayoutErrors.io("read index.json", dir, e);
        } catch (IllegalArgumentException e) {
            throw LayoutErrors.badJson("read index.json", dir, "index.json", e);
        }
    }

    /** The manifest stored for this digest, checked against its digest; empty when absent or not a manifest. */
    Optional<RawManifest> readManifest(Digest digest, Optional<String> mediaTypeHint) throws RegistryException {
        Path file = blobPath(digest);
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_MANIFEST) {
                return Optional.empty();
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw LayoutErrors.io("read manifest " + digest, dir, e);
        }
        if (!Digest.sha256(bytes).equals(digest)) {
            throw LayoutErrors.corrupt(dir, "blob " + digest);
        }
        Optional<String> type = mediaTypeHint.isPresent() ? mediaTypeHint : sniffMediaType(bytes);
        return type.map(t -> RawManifest.of(bytes, t));
    }

    /**
     * The media type of a manifest blob that no index.json descriptor describes (a child of an index): its
     * {@code mediaType} field, or for OCI documents that omit it (allowed by the spec) the shape of the document.
     */
    private static Optional<String> sniffMediaType(byte[] bytes) {
        Map<String, Object> doc;
        try {
            doc = Json.parseObject(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notJson) {
            return Optional.empty();
        }
        return ManifestShape.mediaTypeOf(doc);
    }

    /**
     * Stores the manifest blob if missing and points the tag at it, under the index lock. Like a registry, refuses a
     * manifest whose config, layers or child manifests are not stored.
     */
    PutResult tag(Tag tag, RawManifest manifest) throws RegistryException {
        return tag(tag, manifest, null);
    }

    /**
     * As {@link #tag(Tag, RawManifest)}, but only while the tag points at {@code expected} (empty: absent), checked
     * under the same locks as the write, so two processes cannot both pass the check; null means unconditionally.
     */
    PutResult tag(Tag tag, RawManifest manifest, Optional<Digest> expected) throws RegistryException {
        List<Digest> missing = new ArrayList<>();
        for (Digest d : references(manifest)) {
            if (!hasBlob(d)) {
                missing.add(d);
            }
        }
        if (!missing.isEmpty()) {
            throw new RegistryException(Reason.CONFLICT, "Tried to point " + tag + " at " + manifest.digest()
                    + " in the OCI image layout " + dir + " but failed because the manifest refers to blobs the layout "
                    + "does not have: " + missing);
        }
        writeBlob(manifest.bytes());
        boolean[] changed = new boolean[1];
        List<Optional<Digest>> movedMeanwhile = new ArrayList<>();
        updateIndex(index -> {
            Optional<Digest> now = index.resolve(tag);
            if (expected != null && !expected.equals(now) && !now.equals(Optional.of(manifest.digest()))) {
                movedMeanwhile.add(now);
                return false;
            }
            changed[0] = !now.filter(manifest.digest()::equals).isPresent();
            return index.setTag(tag, manifest.digest(), manifest.mediaType(), manifest.size());
        });
        if (!movedMeanwhile.isEmpty()) {
            throw RegistryException.changedMeanwhile(Repository.of("oci:" + dir), tag, manifest.digest(), expected,
                    movedMeanwhile.get(0));
        }
        return new PutResult(manifest.digest(), changed[0]);
    }

    private List<Digest> references(RawManifest manifest) throws RegistryException {
        Map<String, Object> doc;
        try {
            doc = Json.parseObject(manifest.text());
        } catch (IllegalArgumentException e) {
            throw new RegistryException(Reason.PROTOCOL, "Tried to store manifest " + manifest.digest()
                    + " in the OCI image layout " + dir + " but failed because it is not valid JSON: " + e.getMessage(), e);
        }
        List<Object> descriptors = new ArrayList<>();
        if (doc.get("config") != null) {
            descriptors.add(doc.get("config"));
        }
        descriptors.addAll(Json.list(doc.get("layers")));
        descriptors.addAll(Json.list(doc.get("manifests")));
        List<Digest> out = new ArrayList<>();
        for (Object o : descriptors) {
            Map<String, Object> d = Json.object(o);
            String s = d == null ? null : Json.string(d.get("digest"));
            // Non-distributable layers (foreign URLs) are not stored locally by design.
            if (s != null && s.startsWith("sha256:") && d.get("urls") == null) {
                try {
                    out.add(Digest.of(s));
                } catch (IllegalArgumentException bad) {
                    throw new RegistryException(Reason.PROTOCOL, "Tried to store manifest " + manifest.digest()
                            + " in the OCI image layout " + dir + " but failed because it names the invalid digest " + s, bad);
                }
            }
        }
        return out;
    }

    /**
     * Read-modify-write of index.json under both locks; {@code change} returns whether the index must be written.
     * The lock file is opened without following links (a link planted there could make us create or truncate a file
     * elsewhere) and must be a regular file. A symlinked index.json is written through: its target is replaced, the
     * link stays. Temp files a killed writer left are removed while the lock is held.
     */
    void updateIndex(Function<LayoutIndex, Boolean> change) throws RegistryException {
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(dir, d -> new ReentrantLock());
        jvmLock.lock();
        try (FileChannel ch = openLock(); FileLock ignored = ch.lock()) {
            Path target = indexTarget();
            removeLeftoverTemps(target);
            removeStaleBlobTemps();
            LayoutIndex index = readIndex();
            if (change.apply(index)) {
                writeAtomically(target, index.write().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw LayoutErrors.io("update index.json", dir, e);
        } finally {
            jvmLock.unlock();
        }
    }

    private FileChannel openLock() throws IOException, RegistryException {
        Path lock = dir.resolve(LOCK_FILE);
        if (Files.isSymbolicLink(lock)) {
            throw LayoutErrors.notRegularLock(dir, LOCK_FILE + " (a symbolic link)");
        }
        if (Files.exists(lock, LinkOption.NOFOLLOW_LINKS)
                && !Files.readAttributes(lock, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isRegularFile()) {
            throw LayoutErrors.notRegularLock(dir, LOCK_FILE);
        }
        // NOFOLLOW_LINKS closes the gap between the check and the open (O_NOFOLLOW).
        return FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    }

    /** index.json, or the file it links to: writing there keeps the link and updates what it points at. */
    private Path indexTarget() throws IOException {
        Path file = dir.resolve(INDEX_FILE);
        return Files.isSymbolicLink(file) ? file.toRealPath() : file;
    }

    /** Removes the temp files of writes of {@code target} that never finished (the writer was killed). */
    private static void removeLeftoverTemps(Path target) throws IOException {
        String prefix = tempPrefix(target);
        // Only index writers make these, and they hold the lock we hold: none of them is in progress.
        removeTemps(target.getParent(), name -> name.startsWith(prefix), Long.MAX_VALUE);
    }

    /**
     * Removes blob temps older than {@link #STALE_BLOB_TEMP_MILLIS}: blob writers take no lock, so a young temp may
     * belong to a write in progress; an hour-old one belongs to a writer that was killed.
     */
    private void removeStaleBlobTemps() throws IOException {
        Path blobs = dir.resolve("blobs").resolve("sha256");
        if (Files.isDirectory(blobs, LinkOption.NOFOLLOW_LINKS)) {
            removeTemps(blobs, name -> true, System.currentTimeMillis() - STALE_BLOB_TEMP_MILLIS);
        }
    }

    private static void removeTemps(Path in, Predicate<String> name, long modifiedBefore) throws IOException {
        DirectoryStream.Filter<Path> temps = p -> {
            String n = p.getFileName().toString();
            return n.startsWith(".") && n.endsWith(TEMP_SUFFIX) && name.test(n);
        };
        try (DirectoryStream<Path> found = Files.newDirectoryStream(in, temps)) {
            for (Path t : found) {
                try {
                    BasicFileAttributes a = Files.readAttributes(t, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (a.lastModifiedTime().toMillis() < modifiedBefore) {
                        Files.deleteIfExists(t);
                    }
                } catch (NoSuchFileException goneMeanwhile) {
                    // renamed into place or removed by another cleaner
                }
            }
        }
    }

    private static String tempPrefix(Path target) {
        return "." + target.getFileName() + ".";
    }

    /**
     * Writes a temp file next to the target, syncs it, and renames it into place in one step. The temp is a hidden
     * {@code .<name>.<random>.tmp}, never a name a reader takes for data. It is created with the mode a new file
     * gets (the umask applies), and takes the target's permissions when the target exists, so a rewrite does not
     * turn a 0644 index.json into 0600.
     */
    private void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling(tempPrefix(target) + Long.toUnsignedString(RANDOM.nextLong(), 36) + TEMP_SUFFIX);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            copyPermissions(target, tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (FileAlreadyExistsException raced) {
                // Some file systems refuse to replace; a blob written by someone else has the same bytes anyway.
                if (!target.getFileName().toString().equals(INDEX_FILE)) {
                    return;
                }
                throw raced;
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (view == null || !Files.exists(from)) {
            return;
        }
        view.setPermissions(Files.getPosixFilePermissions(from));
    }

    @Override
    public String toString() {
        return "oci:" + dir;
    }
}
