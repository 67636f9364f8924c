package io.github.ecrpromotion.oci.layout;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.core.registry.RegistryException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** What a write of index.json keeps and refuses on disk: modes, links, special files, temp files, foreign bytes. */
public class LayoutFilesTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final SyntheticImage a = SyntheticImage.dockerV2("a");
    private final SyntheticImage b = SyntheticImage.dockerV2("b");

    private OciLayout layoutWithTwoImages() throws Exception {
        OciLayout layout = OciLayout.create(tmp.newFolder().toPath());
        layout.push(a, Tag.of("testing"));
        layout.push(b, Tag.of("other"));
        return layout;
    }

    private void promote(OciLayout layout) throws Exception {
        try (Registry r = layout.registry()) {
            assertTrue(r.putManifest(Tag.of("testing"), b.manifest()).changed());
        }
    }

    @Test
    public void putManifest_keepsTheModeOfIndexJson() throws Exception {
        for (String mode : new String[] {"rw-r--r--", "rw-r-----", "rw-rw-r--"}) {
            OciLayout layout = layoutWithTwoImages();
            Path index = layout.path().resolve("index.json");
            Files.setPosixFilePermissions(index, PosixFilePermissions.fromString(mode));
            promote(layout);
            assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(index)));
        }
    }

    @Test
    public void putManifest_throughASymlinkedIndexJson_updatesTheTargetAndKeepsTheLink() throws Exception {
        OciLayout layout = layoutWithTwoImages();
        Path index = layout.path().resolve("index.json");
        Path shared = tmp.newFolder("shared").toPath().resolve("real-index.json");
        Files.move(index, shared);
        Files.createSymbolicLink(index, shared);
        promote(layout);
        assertTrue(Files.isSymbolicLink(index));
        assertEquals(shared, Files.readSymbolicLink(index));
        try (Registry r = layout.registry()) {
            assertEquals(b.manifest().digest(), r.resolve(ImageRef.of(Tag.of("testing"))).orElseThrow());
        }
        assertTrue(Files.readString(shared).contains(b.manifest().digest().toString()));
        try (var left = Files.list(shared.getParent())) {
            assertEquals("no temp file next to the target", 1, left.count());
        }
    }

    @Test
    public void putManifest_whenTheLockFileIsAPlantedSymlink_isRefusedAndCreatesNothing() throws Exception {
        OciLayout layout = layoutWithTwoImages();
        Path victim = tmp.getRoot().toPath().resolve("victim");
        Path lock = layout.path().resolve(OciLayout.LOCK_FILE);
        Files.deleteIfExists(lock);
        Files.createSymbolicLink(lock, victim);
        RegistryException e = assertThrows(RegistryException.class, () -> promote(layout));
        assertTrue(e.getMessage(), e.getMessage().contains("index.json.lock (a symbolic link) is not a regular file; remove it"));
        assertFalse(Files.exists(victim, java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test(timeout = 60_000) // a safety net only: without the check the read blocks forever
    public void anyRead_whenIndexJsonIsAFifo_isRefusedAtOnce() throws Exception {
        OciLayout layout = layoutWithTwoImages();
        Path index = layout.path().resolve("index.json");
        Files.delete(index);
        Process mkfifo = new ProcessBuilder("mkfifo", index.toString()).inheritIO().start();
        assertTrue(mkfifo.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, mkfifo.exitValue());
        try (Registry r = layout.registry()) {
            RegistryException e = assertThrows(RegistryException.class, r::listTags);
            assertTrue(e.getMessage(), e.getMessage().contains("index.json is not a regular file"));
            assertThrows(RegistryException.class, () -> r.putManifest(Tag.of("testing"), b.manifest()));
        }
        Path dirInstead = layoutWithTwoImages().path().resolve("index.json");
        Files.delete(dirInstead);
        Files.createDirectory(dirInstead);
        assertThrows(RegistryException.class, () -> OciLayout.open(dirInstead.getParent()).readIndex());
    }

    @Test
    public void putManifest_removesTempFilesAKilledWriterLeft_butNotAFreshBlobTemp() throws Exception {
        OciLayout layout = layoutWithTwoImages();
        Path indexTemp = layout.path().resolve(".index.json.3k2j1h.tmp");
        Files.writeString(indexTemp, "{\"half\":");
        Path blobs = layout.path().resolve("blobs").resolve("sha256");
        Path staleBlob = blobs.resolve(".abcdef.1x2y3z.tmp");
        Files.writeString(staleBlob, "partial");
        Files.setLastModifiedTime(staleBlob, FileTime.fromMillis(System.currentTimeMillis() - 2 * OciLayout.STALE_BLOB_TEMP_MILLIS));
        Path freshBlob = blobs.resolve(".fedcba.4a5b6c.tmp");
        Files.writeString(freshBlob, "being written");
        Path notOurs = layout.path().resolve(".notes.txt");
        Files.writeString(notOurs, "user file");
        promote(layout);
        assertFalse(Files.exists(indexTemp));
        assertFalse(Files.exists(staleBlob));
        assertTrue("a blob write may still be in progress", Files.exists(freshBlob));
        assertTrue(Files.exists(notOurs));
        try (var left = Files.list(layout.path())) {
            assertEquals(0, left.filter(p -> p.getFileName().toString().endsWith(".tmp")).count());
        }
    }

    @Test
    public void putManifest_keepsForeignFieldsOfIndexJsonByteForByte() throws Exception {
        OciLayout layout = layoutWithTwoImages();
        Path index = layout.path().resolve("index.json");
        String foreign = "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + a.manifest().digest()
                + "\",\"size\":1e3,\"platform\":{\"os\":\"linux\",\"n\":1.50},\"annotations\":{\"org.opencontainers.image.ref.name\":"
                + "\"registry.example/app:v1\",\"note\":\"\\ud800 caf\u00e9 \\u00e9\"}}";
        String text = Files.readString(index);
        String edited = text.replace("\"manifests\":[", "\"x-extra\":1e3,\"x-s\":\"\\udfff\",\"manifests\":[" + foreign + ",");
        Files.writeString(index, edited);
        promote(layout);
        String after = Files.readString(index, StandardCharsets.UTF_8);
        assertTrue(after, after.contains(foreign));
        assertTrue(after, after.contains("\"x-extra\":1e3,\"x-s\":\"\\udfff\","));
    }

    @Test
    public void write_whenIndexJsonRepeatsAKeyOfAnotherTool_keepsBothCopiesByteForByte() throws Exception {
        // The input: duplicate keys collapsed on a write. A key this tool does not read is kept as written.
        OciLayout layout = layoutWithTwoImages();
        Path index = layout.path().resolve("index.json");
        Files.writeString(index, Files.readString(index).replace("\"schemaVersion\":2",
                "\"schemaVersion\":2,\"x-dup\":1,\"x-dup\":2"));
        try (Registry r = layout.registry()) {
            r.putManifest(Tag.of("testing"), b.manifest());
            assertEquals(b.manifest().digest(), r.resolve(io.github.ecrpromotion.core.ref.ImageRef.of(Tag.of("testing"))).orElseThrow());
        }
        assertTrue(Files.readString(index).contains("\"x-dup\":1,\"x-dup\":2"));
    }

    @Test
    public void anyRead_whenIndexJsonRepeatsAKeyThisToolReads_isRefusedNamingIt() throws Exception {
        OciLayout layout = layoutWithTwoImages();
        Path index = layout.path().resolve("index.json");
        String text = Files.readString(index);
        Files.writeString(index, text.replaceFirst("\"digest\":", "\"digest\":\"sha256:" + "0".repeat(64) + "\",\"digest\":"));
        try (Registry r = layout.registry()) {
            RegistryException e = assertThrows(RegistryException.class, r::listTags);
            assertTrue(e.getMessage(), e.getMessage().contains("Duplicate field 'digest'"));
            assertThrows(RegistryException.class, () -> r.putManifest(Tag.of("testing"), b.manifest()));
        }
    }

    @Test
    public void anyRead_whenIndexJsonHoldsARawLoneSurrogate_isRefusedNotRewrittenWithQuestionMarks() throws Exception {
        OciLayout layout = layoutWithTwoImages();
        Path index = layout.path().resolve("index.json");
        byte[] text = Files.readAllBytes(index);
        // "x-s":"<ED A0 80>" : a surrogate encoded as UTF-8 (CESU-8), which is not UTF-8
        byte[] bad = new byte[text.length + 11];
        bad[0] = '{';
        byte[] member = {'"', 'x', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ','};
        System.arraycopy(member, 0, bad, 1, member.length);
        System.arraycopy(text, 1, bad, 1 + member.length, text.length - 1);
        Files.write(index, java.util.Arrays.copyOf(bad, text.length + member.length));
        try (Registry r = layout.registry()) {
            RegistryException e = assertThrows(RegistryException.class, () -> r.putManifest(Tag.of("testing"), b.manifest()));
            assertTrue(e.getMessage(), e.getMessage().contains("index.json is not valid: it is not UTF-8"));
        }
        assertEquals((byte) 0xED, Files.readAllBytes(index)[6]);
    }
}
