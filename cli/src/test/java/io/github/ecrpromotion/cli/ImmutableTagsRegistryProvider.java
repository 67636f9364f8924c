package io.github.ecrpromotion.cli;

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
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.core.registry.RegistryProvider;
import io.github.ecrpromotion.testkit.InMemoryRegistry;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A test backend for {@code immutable.invalid/NAME} repositories: an in-memory repository with the design's second
 * table whose existing tags cannot move, failing as the ECR backend does for ImageTagAlreadyExistsException. The
 * layout and docker-registry cannot show immutable tags, and this runs the CLI's whole path to exit 3.
 */
public final class ImmutableTagsRegistryProvider implements RegistryProvider {
    static final String HOST = "immutable.invalid";
    /** The registry the last {@code open} returned, so a test can check nothing was written. */
    static volatile InMemoryRegistry last;

    @Override
    public boolean supports(Repository repository) {
        return repository.host().filter(HOST::equals).isPresent();
    }

    @Override
    public Registry open(Repository repository, RegistryOptions options) {
        InMemoryRegistry mem = new InMemoryRegistry(repository);
        mem.seed(DemoLayout.B11, DemoLayout.image(11).manifest()).seed("staging", DemoLayout.image(11).manifest())
                .seed("production", DemoLayout.image(11).manifest())
                .seed(DemoLayout.B12, DemoLayout.image(12).manifest()).seed("testing", DemoLayout.image(12).manifest());
        last = mem;
        return new Registry() {
            @Override
            public Repository repository() {
                return mem.repository();
            }

            @Override
            public Optional<Digest> resolve(ImageRef ref) {
                return mem.resolve(ref);
            }

            @Override
            public Optional<RawManifest> getManifest(ImageRef ref) {
                return mem.getManifest(ref);
            }

            @Override
            public PutResult putManifest(Tag tag, RawManifest manifest) throws RegistryException {
                Optional<Digest> now = mem.resolve(ImageRef.of(tag));
                if (now.isPresent() && !now.get().equals(manifest.digest())) {
                    throw new ImmutableTagException("Tried to point " + tag + " at " + manifest.digest() + " in "
                            + repository + " but failed because the repository's tags are immutable", null);
                }
                return mem.putManifest(tag, manifest);
            }

            @Override
            public List<Tag> listTags() throws RegistryException {
                return mem.listTags();
            }

            @Override
            public Map<Tag, Image> imagesOf(List<Tag> tags, Predicate<Tag> wanted, Comparator<Tag> order) {
                return mem.imagesOf(tags, wanted, order);
            }

            @Override
            public void close() {
            }
        };
    }
}
