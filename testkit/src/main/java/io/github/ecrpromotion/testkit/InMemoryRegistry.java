package io.github.ecrpromotion.testkit;

import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.Image;
import io.github.ecrpromotion.core.registry.ImmutableTagException;
import io.github.ecrpromotion.core.registry.PutResult;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.core.registry.RegistryException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A registry in memory, for fast unit tests. Counts its calls so tests can assert on the cost of an operation. */
public final class InMemoryRegistry implements Registry {
    private final Repository repository;
    private final Map<Tag, Digest> tags = new LinkedHashMap<>();
    private final Map<Digest, RawManifest> manifests = new LinkedHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private boolean immutableTags;
    private boolean missing;
    private boolean acknowledgeWithoutStoring;
    private final List<String> warnings = new ArrayList<>();
    private volatile PutHook beforePut = (tag, manifest) -> { };
    private volatile PutHook afterPut = (tag, manifest) -> { };

    /** Runs around a put, outside the registry's lock, so a test can stand for another run at that moment. */
    @FunctionalInterface
    public interface PutHook {
        void run(Tag tag, RawManifest manifest) throws Exception;
    }

    public InMemoryRegistry() {
        this(Repository.of("registry.example.com/demo/app"));
    }

    public InMemoryRegistry(Repository repository) {
        this.repository = repository;
    }

    /** Stores a manifest under a tag without counting a call (test setup). */
    public synchronized InMemoryRegistry seed(String tag, RawManifest manifest) {
        manifests.put(manifest.digest(), manifest);
        tags.put(Tag.of(tag), manifest.digest());
        return this;
    }

    /** Makes existing tags immutable, as an ECR repository with {@code IMMUTABLE} tag mutability. */
    public synchronized InMemoryRegistry immutableTags(boolean immutable) {
        this.immutableTags = immutable;
        return this;
    }

    /** Stands for a repository that does not exist: reads find nothing and listTags answers NOT_FOUND. */
    public synchronized InMemoryRegistry missing(boolean missing) {
        this.missing = missing;
        return this;
    }

    /** A registry that acknowledges manifest writes and stores nothing (seen in the field: PUT 201, PutImage 200 {}). */
    public synchronized InMemoryRegistry acknowledgeWithoutStoring(boolean on) {
        this.acknowledgeWithoutStoring = on;
        return this;
    }

    /** Sets what runs before each put (see {@link PutHook}). */
    public InMemoryRegistry beforePut(PutHook hook) {
        this.beforePut = hook;
        return this;
    }

    /** Sets what runs after each put is stored, before the caller gets the answer (another run's write landing then). */
    public InMemoryRegistry afterPut(PutHook hook) {
        this.afterPut = hook;
        return this;
    }

    /** Adds a line {@link #takeWarnings()} returns, as a backend does for a tag it skipped. */
    public synchronized InMemoryRegistry warn(String line) {
        warnings.add(line);
        return this;
    }

    /** Moves or creates a tag without counting a call (another run's write, in a test). */
    public synchronized InMemoryRegistry move(String tag, Digest digest) {
        tags.put(Tag.of(tag), digest);
        return this;
    }

    /** How many times the named port method ran, e.g. "putManifest". */
    public int calls(String method) {
        AtomicInteger n = calls.get(method);
        return n == null ? 0 : n.get();
    }

    /** Calls of every kind so far. */
    public int totalCalls() {
        return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public void resetCalls() {
        calls.clear();
    }

    private void count(String method) {
        calls.computeIfAbsent(method, k -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public Repository repository() {
        return repository;
    }

    @Override
    public synchronized Optional<Digest> resolve(ImageRef ref) {
        count("resolve");
        return find(ref);
    }

    private Optional<Digest> find(ImageRef ref) {
        if (missing) {
            return Optional.empty();
        }
        if (ref.digest().isPresent()) {
            return ref.digest().filter(manifests::containsKey);
        }
        return Optional.ofNullable(tags.get(ref.tag().orElseThrow()));
    }

    @Override
    public synchronized Optional<RawManifest> getManifest(ImageRef ref) {
        count("getManifest");
        return find(ref).map(manifests::get);
    }

    @Override
    public PutResult putManifest(Tag tag, RawManifest manifest) throws RegistryException {
        return putManifestIf(tag, manifest, null);
    }

    /** Atomic: the check and the write happen under the registry's lock. {@code expected == null}: unconditional. */
    @Override
    public PutResult putManifestIf(Tag tag, RawManifest manifest, Optional<Digest> expected) throws RegistryException {
        run(beforePut, tag, manifest);
        PutResult result = store(tag, manifest, expected);
        run(afterPut, tag, manifest);
        return result;
    }

    private static void run(PutHook hook, Tag tag, RawManifest manifest) throws RegistryException {
        try {
            hook.run(tag, manifest);
        } catch (RegistryException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the test's put hook failed", e);
        }
    }

    private synchronized PutResult store(Tag tag, RawManifest manifest, Optional<Digest> expected) throws RegistryException {
        count("putManifest");
        Optional<Digest> now = Optional.ofNullable(tags.get(tag));
        if (expected != null && !expected.equals(now) && !now.equals(Optional.of(manifest.digest()))) {
            throw RegistryException.changedMeanwhile(repository, tag, manifest.digest(), expected,
                    Optional.ofNullable(tags.get(tag)));
        }
        if (acknowledgeWithoutStoring) {
            return new PutResult(manifest.digest(), true);
        }
        Digest current = tags.get(tag);
        if (immutableTags && current != null && !current.equals(manifest.digest())) {
            throw new ImmutableTagException("Tried to point " + tag + " at " + manifest.digest() + " in " + repository
                    + " but failed because the repository's tags are immutable", null);
        }
        manifests.put(manifest.digest(), manifest);
        Digest before = tags.put(tag, manifest.digest());
        return new PutResult(manifest.digest(), !manifest.digest().equals(before));
    }

    @Override
    public synchronized List<Tag> listTags() throws RegistryException {
        count("listTags");
        if (missing) {
            throw new RegistryException(RegistryException.Reason.NOT_FOUND, "Tried to list the tags of " + repository
                    + " but failed because the repository was not found");
        }
        return new ArrayList<>(tags.keySet());
    }

    /** Knows every tag of every image at no cost, so returns them all, as ECR's DescribeImages does. */
    @Override
    public synchronized Map<Tag, Image> imagesOf(List<Tag> wantedTags, Predicate<Tag> wanted, Comparator<Tag> order) {
        count("imagesOf");
        Map<Tag, Image> out = new LinkedHashMap<>();
        for (Tag t : wantedTags) {
            Digest d = missing ? null : tags.get(t);
            if (d != null) {
                List<Tag> on = tags.entrySet().stream().filter(e -> e.getValue().equals(d)).map(Map.Entry::getKey)
                        .filter(wanted).sorted(order).toList();
                out.put(t, new Image(d, on));
            }
        }
        return out;
    }

    @Override
    public synchronized List<String> takeWarnings() {
        List<String> out = List.copyOf(warnings);
        warnings.clear();
        return out;
    }

    @Override
    public void close() {
    }
}
