package io.github.ecrpromotion.oci.layout;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.MediaTypes;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.core.registry.Registries;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.oci.internal.Json;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Layout specifics beyond the contract: files on disk, concurrency, wrong paths, ServiceLoader. */
public class LayoutRegistryTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static final String B10 = "2016.08.24T17.13.38Z.5ad95f2-ecs-demo-10";

    @Test
    public void create_writesTheSpecFiles() throws Exception {
        Path dir = tmp.getRoot().toPath().resolve("new/layout");
        OciLayout.create(dir);
        Map<String, Object> marker = Json.parseObject(Files.readString(dir.resolve("oci-layout")));
        assertEquals("1.0.0", marker.get("imageLayoutVersion"));
        Map<String, Object> index = Json.parseObject(Files.readString(dir.resolve("index.json")));
        assertEquals(2L, index.get("schemaVersion"));
        assertEquals(List.of(), index.get("manifests"));
        assertTrue(Files.isDirectory(dir.resolve("blobs/sha256")));
    }

    @Test
    public void create_whenDirectoryNotEmpty_refuses() throws Exception {
        Path dir = tmp.newFolder("full").toPath();
        Files.writeString(dir.resolve("precious.txt"), "keep me");
        RegistryException e = assertThrows(RegistryException.class, () -> OciLayout.create(dir));
        assertEquals(RegistryException.Reason.CONFLICT, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains(dir.toString()));
        assertEquals("keep me", Files.readString(dir.resolve("precious.txt")));
    }

    @Test
    public void anyCall_whenPathIsNotALayout_isNotFoundNamingThePath() throws Exception {
        Path dir = tmp.newFolder("plain").toPath();
        try (Registry r = Registries.open(Repository.parse("oci:" + dir), RegistryOptions.defaults())) {
            RegistryException e = assertThrows(RegistryException.class, r::listTags);
            assertEquals(RegistryException.Reason.NOT_FOUND, e.reason());
            assertTrue(e.getMessage(), e.getMessage().contains(dir.toString()));
            assertTrue(e.getMessage(), e.getMessage().contains("oci-layout"));
            RegistryException missing = assertThrows(RegistryException.class,
                    () -> OciLayout.open(dir.resolve("nowhere")));
            assertEquals(RegistryException.Reason.NOT_FOUND, missing.reason());
            assertTrue(missing.getMessage(), missing.getMessage().contains("no such directory"));
        }
    }

    @Test
    public void registriesOpen_withOciRepository_usesTheLayoutBackend() throws Exception {
        OciLayout layout = OciLayout.create(tmp.newFolder("sl").toPath());
        layout.push(SyntheticImage.dockerV2("sl"), Tag.of(B10));
        try (Registry r = Registries.open(Repository.parse("oci:" + layout.path()), RegistryOptions.defaults())) {
            assertTrue(r instanceof LayoutRegistry);
            assertEquals(List.of(Tag.of(B10)), r.listTags());
        }
    }

    @Test
    public void push_ociIndex_storesChildrenAndBlobsUnderTheirDigests() throws Exception {
        OciLayout layout = OciLayout.create(tmp.newFolder("idx").toPath());
        SyntheticImage index = SyntheticImage.ociIndex("idx");
        Digest d = layout.push(index, Tag.of("v1"));
        assertEquals(index.manifest().digest(), d);
        for (SyntheticImage child : index.children()) {
            Path blob = layout.path().resolve("blobs/sha256/" + child.manifest().digest().hex());
            assertArrayEquals(child.manifest().bytes(), Files.readAllBytes(blob));
            RawManifest read = layout.registry().getManifest(ImageRef.of(child.manifest().digest())).orElseThrow();
            assertEquals(MediaTypes.OCI_MANIFEST, read.mediaType());
        }
        index.allBlobs().forEach(b -> assertTrue(layout.hasBlob(b.digest())));
        // index.json lists only the tagged index, not its children.
        List<Object> entries = Json.list(Json.parseObject(Files.readString(layout.path().resolve("index.json"))).get("manifests"));
        assertEquals(1, entries.size());
    }

    @Test
    public void putManifest_movingATag_keepsTheOldImageUntaggedOnceAndItsBlob() throws Exception {
        OciLayout layout = OciLayout.create(tmp.newFolder("move").toPath());
        SyntheticImage a = SyntheticImage.dockerV2("a");
        SyntheticImage b = SyntheticImage.dockerV2("b");
        layout.push(a, Tag.of("testing"));
        layout.push(b, Tag.of("other"));
        try (Registry r = layout.registry()) {
            assertTrue(r.putManifest(Tag.of("testing"), b.manifest()).changed());
            assertEquals(b.manifest().digest(), r.resolve(ImageRef.of(Tag.of("testing"))).orElseThrow());
            assertEquals(Set.of(), r.tagsOf(a.manifest().digest()));
            // The untagged image is still there by digest, like an untagged manifest in a registry.
            assertEquals(a.manifest(), r.getManifest(ImageRef.of(a.manifest().digest())).orElseThrow());
            // Moving back reuses the untagged descriptor instead of adding another.
            assertTrue(r.putManifest(Tag.of("testing"), a.manifest()).changed());
        }
        List<Object> entries = Json.list(Json.parseObject(Files.readString(layout.path().resolve("index.json"))).get("manifests"));
        assertEquals(2, entries.size());
        int tagged = 0;
        for (Object o : entries) {
            Map<String, Object> annotations = Json.object(Json.object(o).get("annotations"));
            if (annotations != null && annotations.containsKey("org.opencontainers.image.ref.name")) {
                tagged++;
            }
        }
        // a: testing (reused descriptor) and b: other; b's former 'testing' descriptor went, as 'other' lists b.
        assertEquals(2, tagged);
    }

    @Test
    public void putManifest_whenBlobsMissing_isConflictAndWritesNothing() throws Exception {
        OciLayout layout = OciLayout.create(tmp.newFolder("missing").toPath());
        SyntheticImage a = SyntheticImage.dockerV2("never pushed");
        try (Registry r = layout.registry()) {
            RegistryException e = assertThrows(RegistryException.class, () -> r.putManifest(Tag.of("x"), a.manifest()));
            assertEquals(RegistryException.Reason.CONFLICT, e.reason());
            assertTrue(r.listTags().isEmpty());
        }
    }

    @Test
    public void getManifest_whenBlobCorrupted_isProtocolError() throws Exception {
        OciLayout layout = OciLayout.create(tmp.newFolder("corrupt").toPath());
        SyntheticImage a = SyntheticImage.dockerV2("a");
        layout.push(a, Tag.of("v1"));
        Files.writeString(layout.path().resolve("blobs/sha256/" + a.manifest().digest().hex()), "{}");
        try (Registry r = layout.registry()) {
            RegistryException e = assertThrows(RegistryException.class, () -> r.getManifest(ImageRef.of(Tag.of("v1"))));
            assertEquals(RegistryException.Reason.PROTOCOL, e.reason());
        }
    }

    @Test
    public void putManifest_fromManyThreads_losesNoTag() throws Exception {
        OciLayout layout = OciLayout.create(tmp.newFolder("threads").toPath());
        SyntheticImage a = SyntheticImage.dockerV2("a");
        layout.push(a, Tag.of("base"));
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String prefix = "t" + t;
                futures.add(pool.submit(() -> {
                    // Each thread opens its own registry object, as separate runs would.
                    try (Registry r = layout.registry()) {
                        for (int i = 0; i < perThread; i++) {
                            r.putManifest(Tag.of(prefix + "-" + i), a.manifest());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Set<Tag> expected = new HashSet<>();
        expected.add(Tag.of("base"));
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i++) {
                expected.add(Tag.of("t" + t + "-" + i));
            }
        }
        assertEquals(expected, new HashSet<>(layout.registry().listTags()));
        assertEquals(expected, layout.registry().tagsOf(a.manifest().digest()));
    }

    @Test
    public void putManifest_fromTwoProcessesAndThisOne_losesNoTag() throws Exception {
        OciLayout layout = OciLayout.create(tmp.newFolder("procs").toPath());
        SyntheticImage a = SyntheticImage.dockerV2("a");
        layout.push(a, Tag.of("base"));
        int n = 30;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> procs = new ArrayList<>();
        for (String prefix : List.of("p1", "p2")) {
            procs.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LayoutTagger.class.getName(),
                    layout.path().toString(), "base", prefix, String.valueOf(n))
                    .redirectErrorStream(true).redirectOutput(new File(tmp.getRoot(), prefix + ".log")).start());
        }
        try (Registry r = layout.registry()) {
            for (int i = 0; i < n; i++) {
                r.putManifest(Tag.of("here-" + i), a.manifest());
            }
        }
        for (Process p : procs) {
            assertEquals("tagger exit code", 0, p.waitFor());
        }
        Set<Tag> tags = new HashSet<>(layout.registry().listTags());
        assertEquals(1 + 3 * n, tags.size());
        for (String prefix : List.of("p1", "p2", "here")) {
            for (int i = 0; i < n; i++) {
                assertTrue(prefix + "-" + i, tags.contains(Tag.of(prefix + "-" + i)));
            }
        }
    }

    @Test
    public void layoutWrittenByHand_withOciManifestWithoutMediaTypeField_isRead() throws Exception {
        OciLayout layout = OciLayout.create(tmp.newFolder("hand").toPath());
        SyntheticImage base = SyntheticImage.ociManifest("hand");
        for (var b : base.allBlobs()) {
            layout.writeBlob(b.bytes());
        }
        // The OCI spec makes a manifest's mediaType field optional; an untagged child must still be recognised.
        String text = base.manifest().text().replace("   \"mediaType\": \"" + MediaTypes.OCI_MANIFEST + "\",\n", "");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Digest d = layout.writeBlob(bytes);
        try (Registry r = layout.registry()) {
            RawManifest m = r.getManifest(ImageRef.of(d)).orElseThrow();
            assertEquals(MediaTypes.OCI_MANIFEST, m.mediaType());
            assertArrayEquals(bytes, m.bytes());
            assertFalse(r.resolve(ImageRef.of(base.allBlobs().get(1).digest())).isPresent());
        }
    }

    @Test
    public void listTags_whenIndexNamesAFullReference_skipsItWithOneWarning() throws Exception {
        Path dir = tmp.newFolder("other-tool").toPath();
        OciLayout layout = OciLayout.create(dir);
        SyntheticImage image = SyntheticImage.ociManifest("written by another tool");
        for (var b : image.allBlobs()) {
            layout.writeBlob(b.bytes());
        }
        Digest d = layout.writeBlob(image.manifest().bytes());
        String descriptor = "{\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"digest\":\"" + d + "\",\"size\":"
                + image.manifest().bytes().length + ",\"annotations\":{\"" + LayoutIndex.REF_NAME + "\":\"%s\"}}";
        // Some tools write a full reference as the name; it is no tag of ours, but the build tag next to it is.
        Files.writeString(dir.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":["
                + String.format(descriptor, "docker.io/library/app:1.0") + "," + String.format(descriptor, B10) + "]}");
        try (Registry r = layout.registry()) {
            assertEquals(List.of(Tag.of(B10)), r.listTags());
            assertEquals(Set.of(Tag.of(B10)), r.tagsOf(d));
            List<String> warnings = r.takeWarnings();
            assertEquals(warnings.toString(), 1, warnings.size());
            assertTrue(warnings.get(0), warnings.get(0).startsWith("Skipped the tag 'docker.io/library/app:1.0' in oci:"));
            assertEquals(List.of(), r.takeWarnings());
            assertEquals(d, r.resolve(ImageRef.of(Tag.of(B10))).orElseThrow());
        }
    }

    @Test
    public void open_whenLocalLayoutsAreNotAllowed_isRefusedBeforeAnyFileIsRead() throws Exception {
        Path dir = tmp.newFolder("not-allowed").toPath();
        OciLayout.create(dir);
        Repository repo = Repository.of("oci:" + dir);
        RegistryException e = assertThrows(RegistryException.class,
                () -> Registries.open(repo, RegistryOptions.builder().localLayoutsAllowed(false).build()));
        assertEquals(RegistryException.Reason.AUTH, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("on-disk layouts are not allowed"));
        try (Registry allowed = Registries.open(repo, RegistryOptions.defaults())) {
            assertEquals(List.of(), allowed.listTags());
        }
    }

    @Test
    public void imagesOfAndTagsOf_with10000TagsOnOneImage_callThePredicateOncePerTag() throws Exception {
        OciLayout layout = OciLayout.create(tmp.newFolder("many").toPath());
        SyntheticImage image = SyntheticImage.dockerV2("many");
        layout.push(image, Tag.of("testing"));
        String one = "{\"mediaType\":\"" + image.manifest().mediaType() + "\",\"digest\":\"" + image.manifest().digest()
                + "\",\"size\":" + image.manifest().bytes().length + ",\"annotations\":{\"" + LayoutIndex.REF_NAME + "\":\"%s\"}}";
        int n = 10_000;
        List<Tag> tags = new ArrayList<>();
        StringBuilder manifests = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Tag t = Tag.of("2016.08.24T17.13.38Z.5ad95f2-ecs-demo-" + i);
            tags.add(t);
            manifests.append(',').append(String.format(one, t.value()));
        }
        Path index = layout.path().resolve("index.json");
        Files.writeString(index, Files.readString(index).replace("}}]", "}}" + manifests + "]"));
        java.util.concurrent.atomic.AtomicLong calls = new java.util.concurrent.atomic.AtomicLong();
        try (Registry r = layout.registry()) {
            var images = r.imagesOf(tags, t -> calls.incrementAndGet() > 0, java.util.Comparator.comparing(Tag::value));
            assertEquals(n, images.size());
            assertEquals(n + 1, images.get(tags.get(0)).tags().size());
            assertEquals(n + 1, r.tagsOf(image.manifest().digest()).size());
            assertFalse(r.putManifest(Tag.of("testing"), image.manifest()).changed());
        }
        // Once per tag of the image; the scan per tag this replaces made it n * (n + 1).
        assertEquals(n + 1, calls.get());
    }
}
