package io.github.ecrpromotion.testkit;

import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.Image;
import io.github.ecrpromotion.core.registry.PutResult;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.core.registry.RegistryException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Wraps a backend and counts the port calls that reach it, so tests and benchmarks can state what an operation
 * costs. Calls a backend makes on itself (its default {@code imagesOf} resolving tags) are counted as what they
 * cost on the wire: this wrapper only overrides the primitive calls and lets the defaults run through it.
 */
public final class CountingRegistry implements Registry {
    private final Registry delegate;
    private final boolean delegateComposites;
    private final Map<String, Integer> calls = new TreeMap<>();

    /**
     * @param delegateComposites whether {@code imagesOf}/{@code tagsOf} go to the backend's own implementation
     *     (counted as one call each) or run the port's defaults over the counted primitives
     */
    public CountingRegistry(Registry delegate, boolean delegateComposites) {
        this.delegate = delegate;
        this.delegateComposites = delegateComposites;
    }

    public synchronized Map<String, Integer> calls() {
        return new TreeMap<>(calls);
    }

    public synchronized int total() {
        return calls.values().stream().mapToInt(Integer::intValue).sum();
    }

    public synchronized void reset() {
        calls.clear();
    }

    private synchronized void count(String name) {
        calls.merge(name, 1, Integer::sum);
    }

    @Override
    public Repository repository() {
        return delegate.repository();
    }

    @Override
    public Optional<Digest> resolve(ImageRef ref) throws RegistryException {
        count("resolve");
        return delegate.resolve(ref);
    }

    @Override
    public Optional<RawManifest> getManifest(ImageRef ref) throws RegistryException {
        count("getManifest");
        return delegate.getManifest(ref);
    }

    @Override
    public PutResult putManifest(Tag tag, RawManifest manifest) throws RegistryException {
        count("putManifest");
        return delegate.putManifest(tag, manifest);
    }

    /** Counted as a putManifest: it is the same write, with a condition. */
    @Override
    public PutResult putManifestIf(Tag tag, RawManifest manifest, Optional<Digest> expected) throws RegistryException {
        count("putManifest");
        return delegate.putManifestIf(tag, manifest, expected);
    }

    @Override
    public List<Tag> listTags() throws RegistryException {
        count("listTags");
        return delegate.listTags();
    }

    @Override
    public Set<Tag> tagsOf(Digest digest) throws RegistryException {
        if (!delegateComposites) {
            return Registry.super.tagsOf(digest);
        }
        count("tagsOf");
        return delegate.tagsOf(digest);
    }

    @Override
    public List<Tag> tagsOf(Digest digest, Predicate<Tag> wanted, Comparator<Tag> order) throws RegistryException {
        if (!delegateComposites) {
            return Registry.super.tagsOf(digest, wanted, order);
        }
        count("tagsOf");
        return delegate.tagsOf(digest, wanted, order);
    }

    @Override
    public Map<Tag, Image> imagesOf(List<Tag> tags, Predicate<Tag> wanted, Comparator<Tag> order) throws RegistryException {
        if (!delegateComposites) {
            return Registry.super.imagesOf(tags, wanted, order);
        }
        count("imagesOf");
        return delegate.imagesOf(tags, wanted, order);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
