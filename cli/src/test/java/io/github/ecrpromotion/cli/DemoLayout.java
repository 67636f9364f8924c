package io.github.ecrpromotion.cli;

import io.github.ecrpromotion.core.buildtag.BuildTag;
import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.oci.layout.OciLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A real on-disk OCI layout with builds 10, 11 and 12 of ecs-demo, and a byte-exact snapshot of its files. */
final class DemoLayout {
    static final String B10 = "2016.08.24T17.13.38Z.5ad95f2-ecs-demo-10";
    static final String B11 = "2016.08.24T17.13.38Z.5ad95f2-ecs-demo-11";
    static final String B12 = "2016.08.24T17.13.38Z.5ad95f2-ecs-demo-12";

    final OciLayout layout;
    final String repo;
    final Digest d10;
    final Digest d11;
    final Digest d12;

    /** Builds 10, 11 and 12 pushed under their build tags; no environment tag yet. */
    DemoLayout(Path dir) throws Exception {
        layout = OciLayout.create(dir);
        repo = "oci:" + layout.path();
        d10 = layout.push(image(10), Tag.of(B10));
        d11 = layout.push(image(11), Tag.of(B11));
        d12 = layout.push(image(12), Tag.of(B12));
    }

    static SyntheticImage image(int build) {
        return SyntheticImage.dockerV2("ecs-demo build " + build);
    }

    static String buildTag(int build) throws Exception {
        return BuildTag.generate(Instant.parse("2016-08-24T17:13:38Z"), "5ad95f2", "ecs-demo", build).toString();
    }

    /** Points a tag at one of the builds, by the layout's own means (not through the CLI). */
    DemoLayout tag(String tag, int build) throws Exception {
        layout.push(image(build), Tag.of(tag));
        return this;
    }

    /** The design's second table: 12 in testing, 11 in staging and production. */
    DemoLayout secondTable() throws Exception {
        return tag("testing", 12).tag("staging", 11).tag("production", 11);
    }

    /** Every file of the layout with its bytes (as text; blobs are compared by name since they never change). */
    Map<String, String> snapshot() {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(layout.path())) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isRegularFile(p)) {
                    String rel = layout.path().relativize(p).toString();
                    files.put(rel, rel.startsWith("blobs") ? Long.toString(Files.size(p))
                            : new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
