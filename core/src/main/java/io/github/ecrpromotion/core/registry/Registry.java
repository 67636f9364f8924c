package io.github.ecrpromotion.core.registry;

import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The port every backend implements, opened for one repository. Verbs follow go-containerregistry.
 * Manifests are bytes: a backend asks for every manifest media type on reads and writes the exact bytes back.
 * Nothing here deletes anything.
 */
public interface Registry extends AutoCloseable {

    /** The repository this registry object serves. */
    Repository repository();

    /**
     * The digest a tag or digest points at now; empty when absent. Usually one cheap call (HEAD). A safety rule
     * relies on "absent", so a backend returns empty only after a full read confirmed it (a GET, or the backend's
     * authoritative listing): a HEAD answered 404, 405 or anything unusual is checked with a GET.
     */
    Optional<Digest> resolve(ImageRef ref) throws RegistryException;

    /** The manifest a tag or digest points at, byte for byte; empty when absent (confirmed, as for resolve). */
    Optional<RawManifest> getManifest(ImageRef ref) throws RegistryException;

    /**
     * Points the tag at exactly these bytes. Returns the digest the registry reports (the caller checks it equals
     * {@link RawManifest#digest()}) and whether the tag changed; writing the tag's current manifest is "unchanged".
     */
    PutResult putManifest(Tag tag, RawManifest manifest) throws RegistryException;

    /**
     * Like {@link #putManifest}, but only while the tag still points at {@code expected} (empty: while the tag does not
     * exist), so a run never overwrites what another run wrote since it looked; a tag that already points at these
     * bytes is success, "unchanged". Atomic where the backend can make it
     * so (the on-disk layout under its file lock, the in-memory registry); a backend that reads the tag before
     * writing anyway checks that read (the distribution API backend: the window shrinks to one round trip); the
     * default, for registries without a conditional write (ECR's PutImage), writes unconditionally. The executor's
     * read-back after the write covers what remains.
     *
     * @throws RegistryException reason CONFLICT when the tag points elsewhere by now; nothing was written
     */
    default PutResult putManifestIf(Tag tag, RawManifest manifest, Optional<Digest> expected) throws RegistryException {
        return putManifest(tag, manifest);
    }

    /**
     * Every valid tag of the repository, following pagination; empty when the repository exists and has none.
     * Throws a {@link RegistryException} of reason NOT_FOUND, saying "repository not found", when the repository does
     * not exist: the executor calls this to tell a missing repository from a missing tag.
     */
    List<Tag> listTags() throws RegistryException;

    /**
     * Every tag on the image with this digest. The default lists the tags and resolves each one; backends that
     * know an image's tags in one call override it.
     */
    default Set<Tag> tagsOf(Digest digest) throws RegistryException {
        Set<Tag> out = new LinkedHashSet<>();
        for (Tag t : listTags()) {
            if (resolve(ImageRef.of(t)).filter(digest::equals).isPresent()) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The tags on the image with this digest that {@code wanted} accepts, in {@code order}: at least the first such tag
     * in that order when the image has one, and none only when it has none. Backends that learn all of an image's tags
     * in one call return all of them (ECR, the layout); the distribution API backend walks the wanted tags in order and
     * stops at the first. The default filters {@link #tagsOf(Digest)}.
     */
    default List<Tag> tagsOf(Digest digest, Predicate<Tag> wanted, Comparator<Tag> order) throws RegistryException {
        List<Tag> out = new ArrayList<>();
        for (Tag t : tagsOf(digest)) {
            if (wanted.test(t)) {
                out.add(t);
            }
        }
        out.sort(order);
        return out;
    }

    /**
     * For each of the given tags that exists, the image it points at with its other tags that {@code wanted} accepts.
     * Backends that learn an image's tags in the same call return all of them (ECR: one DescribeImages a tag).
     * The default resolves each given tag, then tries the wanted tags in {@code order} until every image has one,
     * so it returns at least the first wanted tag in that order on each image, when there is one.
     */
    default Map<Tag, Image> imagesOf(List<Tag> tags, Predicate<Tag> wanted, Comparator<Tag> order) throws RegistryException {
        Map<Tag, Digest> digests = new LinkedHashMap<>();
        for (Tag t : tags) {
            resolve(ImageRef.of(t)).ifPresent(d -> digests.put(t, d));
        }
        Map<Digest, List<Tag>> found = new HashMap<>();
        Set<Digest> missing = new LinkedHashSet<>(digests.values());
        if (!missing.isEmpty()) {
            List<Tag> candidates = new ArrayList<>();
            for (Tag t : listTags()) {
                if (wanted.test(t)) {
                    candidates.add(t);
                }
            }
            candidates.sort(order);
            for (Tag c : candidates) {
                if (missing.isEmpty()) {
                    break;
                }
                Optional<Digest> d = digests.containsKey(c) ? Optional.of(digests.get(c)) : resolve(ImageRef.of(c));
                if (d.isPresent() && missing.remove(d.get())) {
                    found.computeIfAbsent(d.get(), k -> new ArrayList<>()).add(c);
                }
            }
        }
        Map<Tag, Image> out = new LinkedHashMap<>();
        digests.forEach((t, d) -> out.put(t, new Image(d, found.getOrDefault(d, List.of()))));
        return out;
    }

    /**
     * One line for each thing the backend skipped since the last call, and clears them: tags another tool wrote that
     * are not valid OCI tags for us (ECR accepts 300 characters), each line naming the tag. Skipping such a tag never
     * fails a call; the caller shows these lines as warnings.
     */
    default List<String> takeWarnings() {
        return List.of();
    }

    /** Releases connections and files; never throws. */
    @Override
    void close();
}
