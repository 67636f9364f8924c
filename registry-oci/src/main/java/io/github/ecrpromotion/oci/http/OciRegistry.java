package io.github.ecrpromotion.oci.http;

import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.PutResult;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.oci.internal.Warnings;
import java.util.List;
import java.util.Optional;

/**
 * The {@link Registry} port over the OCI distribution API (Registry HTTP API v2) of any registry but ECR: resolve is
 * a manifest HEAD, getManifest a GET of the exact bytes, putManifest a PUT of those bytes with their media type,
 * listTags follows Link pagination. Auth: anonymous, basic, or bearer tokens per the registry's challenge.
 *
 * <p>"Absent" is never a HEAD's word alone: a HEAD answered anything but 200 is confirmed with a GET, and after a GET
 * contradicted a HEAD this object resolves with GETs only. A manifest read by tag without Docker-Content-Digest is
 * checked against a HEAD of the tag.
 *
 * <p>{@code putManifest} HEADs the tag before the PUT to report whether it moved: the distribution API says nothing
 * about a tag's previous target. The HEAD is cheap (no body) and leaves a promotion at one manifest GET and one PUT,
 * plus one confirming GET (404) for each tag a HEAD reports absent.
 *
 * <p>Each call ends within the options' timeout, retries, redirects and bodies included, and every message it throws
 * has passed {@link Secrets#scrub(RegistryException)}: no secret this run sent appears in it.
 */
public final class OciRegistry implements Registry {
    private final Repository repository;
    private final long operationEnd;
    private final Manifests manifests;
    private final TagList tagList;
    private final Warnings warnings = new Warnings();
    private final Secrets secrets;
    private final java.time.Duration timeout;

    /** Opens the repository; nothing is sent until the first call. */
    public OciRegistry(Repository repository, RegistryOptions options) {
        if (repository.kind() == Repository.Kind.LAYOUT) {
            throw new IllegalArgumentException("not a registry repository: " + repository);
        }
        this.repository = repository;
        Transport transport = new Transport(repository, options);
        this.secrets = transport.secrets();
        this.timeout = options.timeout();
        // With the timeout covering the operation, every call's deadline stops at the same end (see deadline()).
        this.operationEnd = options.timeoutCoversOperation() ? System.nanoTime() + timeout.toNanos() : Long.MAX_VALUE;
        this.manifests = new Manifests(transport);
        this.tagList = new TagList(transport, warnings);
    }

    /** One call's deadline: the timeout from now, or the operation's end if that comes first. */
    private Deadline deadline() {
        return Deadline.after(timeout, operationEnd);
    }

    @Override
    public Repository repository() {
        return repository;
    }

    @Override
    public Optional<Digest> resolve(ImageRef ref) throws RegistryException {
        try {
            return manifests.head(ref, deadline());
        } catch (RegistryException e) {
            throw secrets.scrub(e);
        }
    }

    @Override
    public Optional<RawManifest> getManifest(ImageRef ref) throws RegistryException {
        try {
            return manifests.get(ref, deadline());
        } catch (RegistryException e) {
            throw secrets.scrub(e);
        }
    }

    @Override
    public PutResult putManifest(Tag tag, RawManifest manifest) throws RegistryException {
        try {
            Deadline deadline = deadline();
            Optional<Digest> before = manifests.head(ImageRef.of(tag), deadline);
            Digest reported = manifests.put(tag, manifest, deadline);
            return new PutResult(reported, before.filter(reported::equals).isEmpty());
        } catch (RegistryException e) {
            throw secrets.scrub(e);
        }
    }

    /**
     * The HEAD that {@code putManifest} makes anyway checks the condition, so the window in which another run can
     * write is one round trip (the distribution API has no conditional manifest PUT).
     */
    @Override
    public PutResult putManifestIf(Tag tag, RawManifest manifest, Optional<Digest> expected) throws RegistryException {
        try {
            return putIf(tag, manifest, expected, deadline());
        } catch (RegistryException e) {
            throw secrets.scrub(e);
        }
    }

    private PutResult putIf(Tag tag, RawManifest manifest, Optional<Digest> expected, Deadline deadline)
            throws RegistryException {
        Optional<Digest> before = manifests.head(ImageRef.of(tag), deadline);
        if (before.equals(Optional.of(manifest.digest()))) {
            // Another run already put exactly these bytes there: the wanted state holds.
            return new PutResult(manifest.digest(), false);
        }
        if (!before.equals(expected)) {
            throw RegistryException.changedMeanwhile(repository, tag, manifest.digest(), expected, before);
        }
        Digest reported = manifests.put(tag, manifest, deadline);
        return new PutResult(reported, before.filter(reported::equals).isEmpty());
    }

    @Override
    public List<Tag> listTags() throws RegistryException {
        try {
            return tagList.list(deadline());
        } catch (RegistryException e) {
            throw secrets.scrub(e);
        }
    }

    /** One line per tag a listing skipped because it is not a valid OCI tag, each once; clears them. */
    @Override
    public List<String> takeWarnings() {
        return warnings.take();
    }

    @Override
    public void close() {
        // java.net.http.HttpClient has no close() before Java 21; its idle connections time out on their own.
    }

    @Override
    public String toString() {
        return "OciRegistry[" + repository + "]";
    }
}
