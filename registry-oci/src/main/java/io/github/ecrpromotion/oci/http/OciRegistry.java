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
import io.github.ecrpromotion.core.registry.Image;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

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
 * <p>{@code imagesOf} and {@code tagsOf} ask their HEADs concurrently, and {@code imagesOf} remembers the digests of
 * build tags (here and in the options' {@link io.github.ecrpromotion.core.registry.BuildTagDigests} store) so that
 * finding an old build's tag does not cost a request per newer tag on the next run; see {@link ImageLookup} for why a
 * remembered answer can never decide a rule unconfirmed.
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
    private final ImageLookup lookup;

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
        this.lookup = new ImageLookup(repository, options.buildTagDigests());
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
            Optional<Digest> d = manifests.head(ref, deadline());
            ref.tag().ifPresent(t -> lookup.observed(t, d));
            return d;
        } catch (RegistryException e) {
            throw secrets.scrub(e);
        }
    }

    @Override
    public Optional<RawManifest> getManifest(ImageRef ref) throws RegistryException {
        try {
            Optional<RawManifest> m = manifests.get(ref, deadline());
            ref.tag().ifPresent(t -> lookup.observed(t, m.map(RawManifest::digest)));
            return m;
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
            lookup.observed(tag, Optional.of(reported));
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
        lookup.observed(tag, Optional.of(reported));
        return new PutResult(reported, before.filter(reported::equals).isEmpty());
    }

    /**
     * As the port's default (every given tag, then the first wanted tag in {@code order} on each image found), with
     * the given tags asked concurrently and the walk over the wanted tags done by {@link ImageLookup}: remembered
     * build tags skipped or confirmed, unknown ones asked in concurrent batches.
     */
    @Override
    public Map<Tag, Image> imagesOf(List<Tag> tags, Predicate<Tag> wanted, Comparator<Tag> order) throws RegistryException {
        return lookingUp(() -> {
            Map<Tag, Optional<Digest>> given = lookup.resolveAll(new ArrayList<>(new LinkedHashSet<>(tags)), this::head);
            Set<Digest> missing = new LinkedHashSet<>();
            given.values().forEach(d -> d.ifPresent(missing::add));
            Map<Digest, Tag> found = Map.of();
            if (!missing.isEmpty()) {
                found = lookup.firstTags(candidates(wanted, order), missing, given, this::head);
            }
            Map<Tag, Image> out = new LinkedHashMap<>();
            for (Tag t : tags) {
                Optional<Digest> d = given.get(t);
                if (d.isPresent()) {
                    Tag first = found.get(d.get());
                    out.put(t, new Image(d.get(), first == null ? List.of() : List.of(first)));
                }
            }
            return out;
        });
    }

    /** Every tag on the image: the listing, then a HEAD of each tag, {@value ImageLookup#PARALLEL} at a time. */
    @Override
    public Set<Tag> tagsOf(Digest digest) throws RegistryException {
        return lookingUp(() -> {
            Set<Tag> out = new LinkedHashSet<>();
            lookup.resolveAll(tagList.list(deadline()), this::head).forEach((t, d) -> {
                if (d.filter(digest::equals).isPresent()) {
                    out.add(t);
                }
            });
            return out;
        });
    }

    /**
     * The first wanted tag in {@code order} on the image (none only when the registry confirms it has none): the
     * listing, then the {@link ImageLookup} walk. Unlike {@link #tagsOf(Digest)}, never a HEAD of every tag when the
     * image has a wanted tag near the top or remembered.
     */
    @Override
    public List<Tag> tagsOf(Digest digest, Predicate<Tag> wanted, Comparator<Tag> order) throws RegistryException {
        return lookingUp(() -> {
            Tag first = lookup.firstTags(candidates(wanted, order), Set.of(digest), Map.of(), this::head).get(digest);
            return first == null ? List.of() : List.of(first);
        });
    }

    /** A look-up over many tags. */
    private interface LookUp<T> {
        T run() throws RegistryException;
    }

    /** Runs a look-up with its errors scrubbed of secrets, then saves what it learned about build tags. */
    private <T> T lookingUp(LookUp<T> work) throws RegistryException {
        try {
            return work.run();
        } catch (RegistryException e) {
            throw secrets.scrub(e);
        } finally {
            lookup.save();
        }
    }

    /** The listed tags {@code wanted} accepts, in {@code order}. */
    private List<Tag> candidates(Predicate<Tag> wanted, Comparator<Tag> order) throws RegistryException {
        List<Tag> out = new ArrayList<>();
        for (Tag t : tagList.list(deadline())) {
            if (wanted.test(t)) {
                out.add(t);
            }
        }
        out.sort(order);
        return out;
    }

    /** One HEAD of a tag (confirmed with a GET when it finds nothing), remembered when it is a build tag. */
    private Optional<Digest> head(Tag tag) throws RegistryException {
        Optional<Digest> d = manifests.head(ImageRef.of(tag), deadline());
        lookup.observed(tag, d);
        return d;
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
        // Saves what was learned about build tags. Idle keep-alive connections are the JDK's (HttpURLConnection's
        // pool) and time out on their own.
        lookup.close();
    }

    @Override
    public String toString() {
        return "OciRegistry[" + repository + "]";
    }
}
