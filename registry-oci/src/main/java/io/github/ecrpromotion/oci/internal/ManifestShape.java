package io.github.ecrpromotion.oci.internal;

import io.github.ecrpromotion.core.ref.MediaTypes;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The media type of a manifest document when nothing outside it says (a registry serving a generic Content-Type, a
 * blob of an on-disk layout that no descriptor describes): its {@code mediaType} field, or for OCI documents that
 * omit it (the OCI image spec allows that) an index when it has {@code manifests} and an image manifest when it has
 * {@code config} and {@code layers}. Empty when it names a type this tool does not retag, or has neither shape.
 */
public final class ManifestShape {
    private ManifestShape() {
    }

    public static Optional<String> mediaTypeOf(Map<String, Object> doc) {
        String declared = Json.string(doc.get("mediaType"));
        if (declared != null) {
            return MediaTypes.isManifest(declared) ? Optional.of(declared) : Optional.empty();
        }
        if (doc.get("manifests") instanceof List) {
            return Optional.of(MediaTypes.OCI_INDEX);
        }
        if (doc.get("config") instanceof Map && doc.get("layers") instanceof List) {
            return Optional.of(MediaTypes.OCI_MANIFEST);
        }
        return Optional.empty();
    }
}
