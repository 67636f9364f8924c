package io.github.ecrpromotion.oci.http;

import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.MediaTypes;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RetryPolicy;
import io.github.ecrpromotion.oci.internal.Json;
import io.github.ecrpromotion.oci.internal.ManifestShape;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code /v2/<name>/manifests/<reference>} endpoint: HEAD, GET and PUT. Every HEAD and GET offers every manifest
 * media type: distribution 2.8 converts a Docker v2.2 image to schema1 (another digest) when not offered v2.2, and
 * answers 404 for an OCI index or manifest that is not offered.
 */
final class Manifests {
    private static final Map<String, String> ACCEPT = Map.of("Accept", MediaTypes.acceptHeader());
    /** Docker Image Manifest V2, Schema 1, unsigned and signed: deprecated, and its digest leaves out the signature. */
    private static final Set<String> SCHEMA1 = Set.of(
            "application/vnd.docker.distribution.manifest.v1+json",
            "application/vnd.docker.distribution.manifest.v1+prettyjws");

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
    Optional<Digest> head(ImageRef ref, Deadline deadline) throws RegistryException {
        if (headUnreliable) {
            return fetch(ref, false, deadline).map(RawManifest::digest);
        }
        String action = "resolve " + ref + " in " + transport.repository();
        Response r = transport.send(action, "HEAD", transport.uri("manifests/" + ref), ACCEPT, null, false,
                CappedBody.Limit.MANIFEST, deadline);
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
            return fetch(ref, false, deadline).map(RawManifest::digest);
        }
        Optional<RawManifest> confirmed = fetch(ref, false, deadline);
        if (confirmed.isPresent() && r.status() < 500 && r.status() != 429) {
            // A 4xx the GET contradicts is how this registry answers HEADs, not a passing failure.
            headUnreliable = true;
        }
        return confirmed.map(RawManifest::digest);
    }

    /** GET; the exact bytes with the media type the registry stored, checked against the digest the registry gives. */
    Optional<RawManifest> get(ImageRef ref, Deadline deadline) throws RegistryException {
        return fetch(ref, true, deadline);
    }

    /**
     * GET, checked against Docker-Content-Digest, or against the digest asked for. A read by tag without the header
     * is checked against a HEAD of the same tag when {@code checkWithHead} (one more request, only then): both name
     * the tag's image, so a difference is a PROTOCOL error naming both, never a silent choice between them.
     */
    private Optional<RawManifest> fetch(ImageRef ref, boolean checkWithHead, Deadline deadline) throws RegistryException {
        String action = "read the manifest " + ref + " from " + transport.repository();
        Response r = transport.send(action, "GET", transport.uri("manifests/" + ref), ACCEPT, null, false,
                CappedBody.Limit.MANIFEST, deadline);
        if (r.status() == 404) {
            return Optional.empty();
        }
        if (r.status() != 200) {
            throw HttpErrors.status(action, r);
        }
        // Before any digest check: a signed schema 1 manifest's digest is computed without its signature, so it
        // would otherwise be reported as a digest mismatch.
        Optional<Map<String, Object>> doc = document(r.body());
        if (isSchema1(r.contentType(), doc)) {
            throw HttpErrors.protocol(action, "it is a Docker schema 1 manifest, which is deprecated and cannot be "
                    + "retagged with its digest kept; re-push the image as schema 2 (docker pull and docker push with a "
                    + "current Docker, or skopeo copy --format v2s2) and promote that");
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
            Optional<Digest> headed = headerOfHead(ref, action, deadline);
            if (headed.isPresent() && !headed.get().equals(actual)) {
                throw HttpErrors.protocol(action, "a GET returned bytes that hash to " + actual + " without "
                        + "Docker-Content-Digest, while a HEAD of the same tag says " + headed.get()
                        + " (the tag may have moved in between; try again)");
            }
        }
        String type = r.contentType().filter(MediaTypes::isManifest)
                .or(() -> doc.flatMap(ManifestShape::mediaTypeOf))
                .orElseThrow(() -> HttpErrors.protocol(action, "neither the registry's Content-Type nor the document "
                        + "names a manifest media type this tool can retag, and the document has neither the "
                        + "manifests of an index nor the config and layers of an image manifest"));
        return Optional.of(RawManifest.of(r.body(), type));
    }

    private static boolean isSchema1(Optional<String> contentType, Optional<Map<String, Object>> doc) {
        if (contentType.filter(SCHEMA1::contains).isPresent()) {
            return true;
        }
        if (doc.isEmpty()) {
            return false;
        }
        Object version = doc.get().get("schemaVersion");
        String declared = Json.string(doc.get().get("mediaType"));
        return declared != null && SCHEMA1.contains(declared)
                || version instanceof Number n && n.intValue() == 1;
    }

    private static Optional<Map<String, Object>> document(byte[] body) {
        try {
            return Optional.of(Json.parseObject(new String(body, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException | ClassCastException | StackOverflowError notJson) {
            return Optional.empty();
        }
    }

    /** Docker-Content-Digest of a HEAD; empty when the HEAD is not 200 or carries no header. Never falls back to GET. */
    private Optional<Digest> headerOfHead(ImageRef ref, String action, Deadline deadline) throws RegistryException {
        Response r = transport.send(action, "HEAD", transport.uri("manifests/" + ref), ACCEPT, null, false,
                CappedBody.Limit.MANIFEST, deadline);
        if (r.status() != 200) {
            if (r.status() < 500 && r.status() != 429) {
                // The GET just found the manifest: this HEAD answer is how the registry treats HEADs.
                headUnreliable = true;
            }
            return Optional.empty();
        }
        return digestHeader(r);
    }

    /**
     * PUT of the exact bytes with their media type; returns the digest the registry reports (sha256 if it does not).
     * A PUT that failed for a passing reason (429, 502, 503, 504, or a connection lost so that its answer never came)
     * may or may not have landed: it is sent again, by the {@link RetryPolicy}, only after a HEAD of the tag shows it
     * does not point at these bytes yet; when it does, the write is done.
     */
    Digest put(Tag tag, RawManifest manifest, Deadline deadline) throws RegistryException {
        String action = "point " + tag + " at " + manifest.digest() + " in " + transport.repository();
        if (!MediaTypes.isManifest(manifest.mediaType())) {
            throw HttpErrors.protocol(action, "its media type " + manifest.mediaType() + " is not a manifest media type");
        }
        for (int attempt = 1; ; attempt++) {
            RegistryException failure;
            boolean throttled = false;
            boolean passing;
            try {
                Response r = transport.send(action, "PUT", transport.uri("manifests/" + tag),
                        Map.of("Content-Type", manifest.mediaType()), manifest.bytes(), true, CappedBody.Limit.ERROR,
                        deadline);
                if (r.status() == 201 || r.status() == 200 || r.status() == 202) {
                    return digestHeader(r).orElse(manifest.digest());
                }
                failure = HttpErrors.status(action, r);
                throttled = r.status() == 429;
                passing = r.status() == 429 || r.status() == 502 || r.status() == 503 || r.status() == 504;
            } catch (RegistryException e) {
                failure = e;
                // A broken connection (not a refused one, not the deadline): the answer is lost, not the request.
                passing = e.isRetryable() && e.getCause() instanceof java.io.IOException io && Transport.passing(io);
            }
            Duration wait = RetryPolicy.backoff(attempt + 1, throttled);
            if (!passing || attempt >= RetryPolicy.MAX_ATTEMPTS || !deadline.fits(wait)) {
                throw HttpErrors.withAttempts(failure, attempt);
            }
            if (head(ImageRef.of(tag), deadline).filter(manifest.digest()::equals).isPresent()) {
                // The lost PUT landed: the tag points at these bytes.
                return manifest.digest();
            }
            try {
                // The HEAD took some of the time left: wait only while the deadline still allows it.
                Thread.sleep(deadline.fits(wait) ? wait.toMillis() : 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw HttpErrors.withAttempts(failure, attempt);
            }
        }
    }

    private static Optional<Digest> digestHeader(Response r) {
        Optional<String> h = r.header("Docker-Content-Digest").map(String::trim);
        // Only sha256 is comparable with our own digests; anything else counts as absent.
        if (h.isEmpty() || !h.get().matches("sha256:[0-9a-f]{64}")) {
            return Optional.empty();
        }
        return Optional.of(Digest.of(h.get()));
    }
}
