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
    public synchronized PutResult putManifest(Tag tag, RawManifest manifest) throws ImmutableTagException {
        count("putManifest");
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
    public synchronized List<Tag> listTags() {
        count("listTags");
        return new ArrayList<>(tags.keySet());
    }

    /** Knows every tag of every image at no cost, so returns them all, as ECR's DescribeImages does. */
    @Override
    public synchronized Map<Tag, Image> imagesOf(List<Tag> wantedTags, Predicate<Tag> wanted, Comparator<Tag> order) {
        count("imagesOf");
        Map<Tag, Image> out = new LinkedHashMap<>();
        for (Tag t : wantedTags) {
            Digest d = tags.get(t);
            if (d != null) {
                List<Tag> on = tags.entrySet().stream().filter(e -> e.getValue().equals(d)).map(Map.Entry::getKey)
                        .filter(wanted).sorted(order).toList();
                out.put(t, new Image(d, on));
            }
        }
        return out;
    }

    @Override
    public void close() {
    }
}
