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
    /** Set once a GET found a manifest a HEAD denied; per registry object, as the registry will not change its mind. */
    private volatile boolean headUnreliable;

    Manifests(Transport transport) {
        this.transport = transport;
    }

    /**
     * The digest a reference points at. Usually one HEAD with Docker-Content-Digest. A HEAD that finds nothing is not
     * trusted: anything but 200 is confirmed with a GET, because registries in the field answer HEAD 404 or 405 for
     * manifests a GET returns (and distribution answers 404 for a type not offered). Once a GET has contradicted a
     * HEAD, this object skips HEAD and reads with GET: one request instead of two. A 401 never gets here (the
     * Transport reports it as AUTH).
     */
    Optional<Digest> head(ImageRef ref) throws RegistryException {
        if (headUnreliable) {
            return fetch(ref, false).map(RawManifest::digest);
        }
        String action = "resolve " + ref + " in " + transport.repository();
        Response r = transport.send(action, "HEAD", transport.uri("manifests/" + ref), ACCEPT, null, false);
        if (r.status() == 200) {
            Optional<Digest> header = digestHeader(r);
            if (header.isPresent()) {
                return header;
            }
            if (ref.digest().isPresent()) {
                return ref.digest();
            }
            // No Docker-Content-Digest (the spec makes it optional): only the bytes can tell. No HEAD check on that
            // GET: this HEAD just said nothing.
            return fetch(ref, false).map(RawManifest::digest);
        }
        Optional<RawManifest> confirmed = fetch(ref, false);
        if (confirmed.isPresent() && r.status() < 500 && r.status() != 429) {
            // A 4xx the GET contradicts is how this registry answers HEADs, not a passing failure.
            headUnreliable = true;
        }
        return confirmed.map(RawManifest::digest);
    }

    /** GET; the exact bytes with the media type the registry stored, checked against the digest the registry gives. */
    Optional<RawManifest> get(ImageRef ref) throws RegistryException {
        return fetch(ref, true);
    }

    /**
     * GET, checked against Docker-Content-Digest, or against the digest asked for. A read by tag without the header
     * is checked against a HEAD of the same tag when {@code checkWithHead} (one more request, only then): both name
     * the tag's image, so a difference is a PROTOCOL error naming both, never a silent choice between them.
     */
    private Optional<RawManifest> fetch(ImageRef ref, boolean checkWithHead) throws RegistryException {
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
        if (header.isEmpty() && ref.tag().isPresent() && checkWithHead && !headUnreliable) {
            Optional<Digest> headed = headerOfHead(ref, action);
            if (headed.isPresent() && !headed.get().equals(actual)) {
                throw HttpErrors.protocol(action, "a GET returned bytes that hash to " + actual + " without "
                        + "Docker-Content-Digest, while a HEAD of the same tag says " + headed.get()
                        + " (the tag may have moved in between; try again)");
            }
        }
        String type = r.contentType().filter(t -> !t.equals("application/json") && !t.equals("application/octet-stream"))
                .or(() -> mediaTypeField(r.text()))
                .orElseThrow(() -> HttpErrors.protocol(action, "the registry gave no media type for the manifest"));
        return Optional.of(RawManifest.of(r.body(), type));
    }

    /** Docker-Content-Digest of a HEAD; empty when the HEAD is not 200 or carries no header. Never falls back to GET. */
    private Optional<Digest> headerOfHead(ImageRef ref, String action) throws RegistryException {
        Response r = transport.send(action, "HEAD", transport.uri("manifests/" + ref), ACCEPT, null, false);
        if (r.status() != 200) {
            if (r.status() < 500 && r.status() != 429) {
                // The GET just found the manifest: this HEAD answer is how the registry treats HEADs.
                headUnreliable = true;
            }
            return Optional.empty();
        }
        return digestHeader(r);
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
