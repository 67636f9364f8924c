package io.github.ecrpromotion.oci.layout;

import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.Image;
import io.github.ecrpromotion.core.registry.PutResult;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.oci.internal.Warnings;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The {@link Registry} port over an on-disk OCI image layout ({@code oci:PATH}). Tags are the
 * {@code org.opencontainers.image.ref.name} annotations of the descriptors in {@code index.json}; manifests are
 * blobs. Moving a tag removes its annotation from the old descriptor, which stays in {@code index.json} untagged
 * (like an untagged manifest in a registry) only when no other descriptor lists its digest, and adds or reuses a
 * descriptor for the new digest. No blob is deleted.
 * Every call checks that the directory is still a layout, so a wrong path is a NOT_FOUND naming it.
 */
public final class LayoutRegistry implements Registry {
    private final Repository repository;
    private final Warnings warnings = new Warnings();

    /** Opens the layout of an {@code oci:PATH} repository; nothing is read until the first call. */
    public LayoutRegistry(Repository repository) {
        if (repository.kind() != Repository.Kind.LAYOUT) {
            throw new IllegalArgumentException("not an oci: repository: " + repository);
        }
        this.repository = repository;
    }

    private OciLayout layout() throws RegistryException {
        return OciLayout.open(repository.layoutPath().orElseThrow());
    }

    @Override
    public Repository repository() {
        return repository;
    }

    @Override
    public Optional<Digest> resolve(ImageRef ref) throws RegistryException {
        OciLayout layout = layout();
        LayoutIndex index = layout.readIndex();
        if (ref.tag().isPresent()) {
            return index.resolve(ref.tag().get());
        }
        Digest d = ref.digest().orElseThrow();
        if (index.lists(d)) {
            return Optional.of(d);
        }
        // A child of an index is a manifest blob that index.json does not list.
        return layout.readManifest(d, Optional.empty()).map(RawManifest::digest);
    }

    @Override
    public Optional<RawManifest> getManifest(ImageRef ref) throws RegistryException {
        OciLayout layout = layout();
        LayoutIndex index = layout.readIndex();
        Optional<Digest> digest = ref.tag().isPresent() ? index.resolve(ref.tag().get()) : ref.digest();
        if (digest.isEmpty()) {
            return Optional.empty();
        }
        return layout.readManifest(digest.get(), index.mediaTypeOf(digest.get()));
    }

    @Override
    public PutResult putManifest(Tag tag, RawManifest manifest) throws RegistryException {
        return layout().tag(tag, manifest);
    }

    /** Atomic: checked and written under index.json's file lock. */
    @Override
    public PutResult putManifestIf(Tag tag, RawManifest manifest, Optional<Digest> expected) throws RegistryException {
        return layout().tag(tag, manifest, expected);
    }

    @Override
    public List<Tag> listTags() throws RegistryException {
        return noted(layout().readIndex()).tags();
    }

    /** One read of index.json. */
    @Override
    public Set<Tag> tagsOf(Digest digest) throws RegistryException {
        return noted(layout().readIndex()).tagsOf(digest);
    }

    /** One read of index.json; each image comes with all its tags that {@code wanted} accepts, in {@code order}. */
    @Override
    public Map<Tag, Image> imagesOf(List<Tag> tags, Predicate<Tag> wanted, Comparator<Tag> order) throws RegistryException {
        return noted(layout().readIndex()).imagesOf(tags, wanted, order);
    }

    /** One line per {@code ref.name} that listings skipped because it is not a valid tag, each once; clears them. */
    @Override
    public List<String> takeWarnings() {
        return warnings.take();
    }

    /** Records a warning for each name the index carries that is not a tag; listings skip those names. */
    private LayoutIndex noted(LayoutIndex index) {
        for (String name : index.invalidNames()) {
            warnings.add(Warnings.skippedTag(name, repository.toString()));
        }
        return index;
    }

    @Override
    public void close() {
        // Nothing held open between calls.
    }

    @Override
    public String toString() {
        return "LayoutRegistry[" + repository + "]";
    }
}
