package io.github.ecrpromotion.oci.layout;

import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.RawManifest;
import java.nio.file.Path;

/** Run in a separate JVM by {@link LayoutRegistryTest}: tags one manifest under {@code <prefix>-0..n-1}. */
public final class LayoutTagger {
    private LayoutTagger() {
    }

    public static void main(String[] args) throws Exception {
        OciLayout layout = OciLayout.open(Path.of(args[0]));
        RawManifest m = layout.registry().getManifest(io.github.ecrpromotion.core.ref.ImageRef.of(Tag.of(args[1]))).orElseThrow();
        int n = Integer.parseInt(args[3]);
        try (LayoutRegistry r = layout.registry()) {
            for (int i = 0; i < n; i++) {
                r.putManifest(Tag.of(args[2] + "-" + i), m);
            }
        }
    }
}
