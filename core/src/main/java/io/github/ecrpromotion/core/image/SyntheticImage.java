package io.github.ecrpromotion.core.image;

import io.github.ecrpromotion.core.ref.MediaTypes;
import io.github.ecrpromotion.core.registry.RawManifest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * A small but real image made by our own code: a gzipped tar layer holding one file, a config whose diff_ids match
 * the layer, and a manifest (Docker v2.2 or OCI) pretty-printed as registries store them; or an index over such
 * images. Used by the demo and by tests, so every backend is exercised with valid content, never with layers pulled
 * from elsewhere. Deterministic: the same name gives the same digests.
 */
public record SyntheticImage(RawManifest manifest, List<Blob> blobs, List<SyntheticImage> children) {
    public SyntheticImage {
        blobs = List.copyOf(blobs);
        children = List.copyOf(children);
    }

    /** A single-platform image in Docker Image Manifest V2, Schema 2. */
    public static SyntheticImage dockerV2(String content) {
        return single(content, MediaTypes.DOCKER_MANIFEST, MediaTypes.DOCKER_CONFIG, MediaTypes.DOCKER_LAYER);
    }

    /** A single-platform image in the OCI image manifest format. */
    public static SyntheticImage ociManifest(String content) {
        return single(content, MediaTypes.OCI_MANIFEST, MediaTypes.OCI_CONFIG, MediaTypes.OCI_LAYER);
    }

    /** An OCI image index over two OCI images (amd64 and arm64). */
    public static SyntheticImage ociIndex(String content) {
        return index(MediaTypes.OCI_INDEX, ociManifest(content + " amd64"), ociManifest(content + " arm64"));
    }

    /** A Docker manifest list over two Docker v2.2 images. */
    public static SyntheticImage dockerManifestList(String content) {
        return index(MediaTypes.DOCKER_MANIFEST_LIST, dockerV2(content + " amd64"), dockerV2(content + " arm64"));
    }

    /** Every blob this image needs, children's included, without duplicates. */
    public List<Blob> allBlobs() {
        List<Blob> out = new ArrayList<>();
        for (SyntheticImage c : children) {
            for (Blob b : c.allBlobs()) {
                if (out.stream().noneMatch(o -> o.digest().equals(b.digest()))) {
                    out.add(b);
                }
            }
        }
        for (Blob b : blobs) {
            if (out.stream().noneMatch(o -> o.digest().equals(b.digest()))) {
                out.add(b);
            }
        }
        return out;
    }

    private static SyntheticImage single(String content, String manifestType, String configType, String layerType) {
        byte[] tar = tar("hello.txt", (content + "\n").getBytes(StandardCharsets.UTF_8));
        Blob layer = new Blob(layerType, gzip(tar));
        String diffId = io.github.ecrpromotion.core.ref.Digest.sha256(tar).toString();
        String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"cat\",\"/hello.txt\"],"
                + "\"Labels\":{\"org.opencontainers.image.title\":" + quote(content) + "}},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + diffId + "\"]},"
                + "\"history\":[{\"created_by\":\"ecr-promotion synthetic image\"}]}";
        Blob configBlob = new Blob(configType, config.getBytes(StandardCharsets.UTF_8));
        String manifest = "{\n"
                + "   \"schemaVersion\": 2,\n"
                + "   \"mediaType\": \"" + manifestType + "\",\n"
                + "   \"config\": {\n"
                + "      \"mediaType\": \"" + configType + "\",\n"
                + "      \"size\": " + configBlob.size() + ",\n"
                + "      \"digest\": \"" + configBlob.digest() + "\"\n"
                + "   },\n"
                + "   \"layers\": [\n"
                + "      {\n"
                + "         \"mediaType\": \"" + layerType + "\",\n"
                + "         \"size\": " + layer.size() + ",\n"
                + "         \"digest\": \"" + layer.digest() + "\"\n"
                + "      }\n"
                + "   ]\n"
                + "}";
        return new SyntheticImage(RawManifest.of(manifest.getBytes(StandardCharsets.UTF_8), manifestType),
                List.of(configBlob, layer), List.of());
    }

    private static SyntheticImage index(String indexType, SyntheticImage amd64, SyntheticImage arm64) {
        String manifest = "{\n"
                + "   \"schemaVersion\": 2,\n"
                + "   \"mediaType\": \"" + indexType + "\",\n"
                + "   \"manifests\": [\n"
                + entry(amd64, "amd64") + ",\n"
                + entry(arm64, "arm64") + "\n"
                + "   ]\n"
                + "}";
        return new SyntheticImage(RawManifest.of(manifest.getBytes(StandardCharsets.UTF_8), indexType), List.of(),
                List.of(amd64, arm64));
    }

    private static String entry(SyntheticImage child, String arch) {
        return "      {\n"
                + "         \"mediaType\": \"" + child.manifest().mediaType() + "\",\n"
                + "         \"size\": " + child.manifest().size() + ",\n"
                + "         \"digest\": \"" + child.manifest().digest() + "\",\n"
                + "         \"platform\": {\"architecture\": \"" + arch + "\", \"os\": \"linux\"}\n"
                + "      }";
    }

    private static String quote(String s) {
        return io.github.ecrpromotion.core.env.Json.string(s);
    }

    /** A POSIX ustar archive with one regular file, mode 0644, mtime 0. */
    static byte[] tar(String name, byte[] data) {
        byte[] header = new byte[512];
        put(header, 0, name, 100);
        put(header, 100, "0000644", 8);
        put(header, 108, "0000000", 8);
        put(header, 116, "0000000", 8);
        put(header, 124, String.format("%011o", data.length), 12);
        put(header, 136, "00000000000", 12);
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        header[156] = '0';
        put(header, 257, "ustar", 6);
        put(header, 263, "00", 2);
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o", sum), 7);
        header[155] = ' ';
        int padded = (data.length + 511) / 512 * 512;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        out.writeBytes(data);
        out.writeBytes(new byte[padded - data.length]);
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    private static void put(byte[] buf, int off, String s, int len) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, buf, off, Math.min(b.length, len));
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
