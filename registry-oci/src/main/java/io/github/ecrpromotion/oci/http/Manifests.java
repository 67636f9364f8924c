package io.github.ecrpromotion.oci.http;

import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.MediaTypes;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.oci.internal.Json;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code /v2/<name>/manifests/<reference>} endpoint: HEAD, GET and PUT. Every HEAD and GET offers every manifest
 * media type: distribution 2.8 converts a Docker v2.2 image to schema1 (another digest) when not offered v2.2, and
 * answers 404 for an OCI index or manifest that is not offered.
 */
final class Manifests {
    private static final Map<String, String> ACCEPT = Map.of("Accept", MediaTypes.acceptHeader());

    private final Transport transport;

    Manifests(Transport transport) {
        this.transport = transport;
    }

    /** HEAD; the digest from Docker-Content-Digest, or (when a registry leaves it out) sha256 of a GET's body. */
    Optional<Digest> head(ImageRef ref) throws RegistryException {
        String action = "resolve " + ref + " in " + transport.repository();
        Response r = transport.send(action, "HEAD", transport.uri("manifests/" + ref), ACCEPT, null, false);
        if (r.status() == 404) {
            return Optional.empty();
        }
        if (r.status() != 200) {
            throw HttpErrors.status(action, r);
        }
        Optional<Digest> header = digestHeader(r);
        if (header.isPresent()) {
            return header;
        }
        if (ref.digest().isPresent()) {
            return ref.digest();
        }
        // No Docker-Content-Digest (the spec makes it optional): only the bytes can tell.
        return get(ref).map(RawManifest::digest);
    }

    /** GET; the exact bytes with the media type the registry stored, checked against Docker-Content-Digest. */
    Optional<RawManifest> get(ImageRef ref) throws RegistryException {
        String action = "read the manifest " + ref + " from " + transport.repository();
        Response r = transport.send(action, "GET", transport.uri("manifests/" + ref), ACCEPT, null, false);
        if (r.status() == 404) {
            return Optional.empty();
        }
        if (r.status() != 200) {
            throw HttpErrors.status(action, r);
        }
        Digest actual = Digest.sha256(r.body());
        Optional<Digest> header = digestHeader(r);
        if (header.isPresent() && !header.get().equals(actual)) {
            throw HttpErrors.protocol(action, "the registry says the manifest is " + header.get()
                    + " but its bytes hash to " + actual);
        }
        if (ref.digest().isPresent() && !ref.digest().get().equals(actual)) {
            throw HttpErrors.protocol(action, "the bytes returned hash to " + actual + ", not to the digest asked for");
        }
        String type = r.contentType().filter(t -> !t.equals("application/json") && !t.equals("application/octet-stream"))
                .or(() -> mediaTypeField(r.text()))
                .orElseThrow(() -> HttpErrors.protocol(action, "the registry gave no media type for the manifest"));
        return Optional.of(RawManifest.of(r.body(), type));
    }

    /** PUT of the exact bytes with their media type; returns the digest the registry reports (sha256 if it does not). */
    Digest put(Tag tag, RawManifest manifest) throws RegistryException {
        String action = "point " + tag + " at " + manifest.digest() + " in " + transport.repository();
        Response r = transport.send(action, "PUT", transport.uri("manifests/" + tag),
                Map.of("Content-Type", manifest.mediaType()), manifest.bytes(), true);
        if (r.status() != 201 && r.status() != 200 && r.status() != 202) {
            throw HttpErrors.status(action, r);
        }
        return digestHeader(r).orElse(manifest.digest());
    }

    private static Optional<Digest> digestHeader(Response r) {
        Optional<String> h = r.header("Docker-Content-Digest").map(String::trim);
        // Only sha256 is comparable with our own digests; anything else counts as absent.
        if (h.isEmpty() || !h.get().matches("sha256:[0-9a-f]{64}")) {
            return Optional.empty();
        }
        return Optional.of(Digest.of(h.get()));
    }

    private static Optional<String> mediaTypeField(String text) {
        try {
            return Optional.ofNullable(Json.string(Json.parseObject(text).get("mediaType")));
        } catch (IllegalArgumentException notJson) {
            return Optional.empty();
        }
    }
}
