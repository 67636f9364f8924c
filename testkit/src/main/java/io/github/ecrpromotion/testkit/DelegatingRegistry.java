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
import java.util.function.Predicate;

/** Passes every call to another registry; a test (or a wrapper such as {@link GatedRegistry}) overrides what it changes. */
public class DelegatingRegistry implements Registry {
    private final Registry delegate;

    public DelegatingRegistry(Registry delegate) {
        this.delegate = delegate;
    }

    @Override
    public Repository repository() {
        return delegate.repository();
    }

    @Override
    public Optional<Digest> resolve(ImageRef ref) throws RegistryException {
        return delegate.resolve(ref);
    }

    @Override
    public Optional<RawManifest> getManifest(ImageRef ref) throws RegistryException {
        return delegate.getManifest(ref);
    }

    @Override
    public PutResult putManifest(Tag tag, RawManifest manifest) throws RegistryException {
        return delegate.putManifest(tag, manifest);
    }

    @Override
    public PutResult putManifestIf(Tag tag, RawManifest manifest, Optional<Digest> expected) throws RegistryException {
        return delegate.putManifestIf(tag, manifest, expected);
    }

    @Override
    public List<Tag> listTags() throws RegistryException {
        return delegate.listTags();
    }

    @Override
    public Set<Tag> tagsOf(Digest digest) throws RegistryException {
        return delegate.tagsOf(digest);
    }

    @Override
    public List<Tag> tagsOf(Digest digest, Predicate<Tag> wanted, Comparator<Tag> order) throws RegistryException {
        return delegate.tagsOf(digest, wanted, order);
    }

    @Override
    public Map<Tag, Image> imagesOf(List<Tag> tags, Predicate<Tag> wanted, Comparator<Tag> order) throws RegistryException {
        return delegate.imagesOf(tags, wanted, order);
    }

    @Override
    public List<String> takeWarnings() {
        return delegate.takeWarnings();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
