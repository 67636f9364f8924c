package io.github.ecrpromotion.ecr;

import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.MediaTypes;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.Image;
import io.github.ecrpromotion.core.registry.PutResult;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.core.registry.RegistryException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.BatchGetImageResponse;
import software.amazon.awssdk.services.ecr.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ecr.model.ImageAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.ImageFailure;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;
import software.amazon.awssdk.services.ecr.model.ImageTagAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.ListImagesResponse;
import software.amazon.awssdk.services.ecr.model.PutImageResponse;
import software.amazon.awssdk.services.ecr.model.TagStatus;

/**
 * An Amazon ECR repository through the ECR API: BatchGetImage reads a manifest's exact text, PutImage writes it
 * under another tag, DescribeImages answers "which tags are on this image" in one call. Every call names the
 * registry id (the account in the host), so a registry of record in another account works.
 */
public final class EcrRegistry implements Registry {
    /** ListImages returns at most this many ids a page. */
    private static final int PAGE_SIZE = 1000;

    private final Repository repository;
    private final String registryId;
    private final EcrClient ecr;
    private final List<AutoCloseable> resources;
    private final EcrErrors errors;

    EcrRegistry(Repository repository, String registryId, EcrClient ecr, List<AutoCloseable> resources, EcrErrors errors) {
        this.repository = repository;
        this.registryId = registryId;
        this.ecr = ecr;
        this.resources = List.copyOf(resources);
        this.errors = errors;
    }

    @Override
    public Repository repository() {
        return repository;
    }

    @Override
    public Optional<Digest> resolve(ImageRef ref) throws RegistryException {
        String action = "resolve " + ref + " in " + repository;
        Optional<ImageDetail> d = describe(ref, action);
        return d.isEmpty() ? Optional.empty() : Optional.of(digest(d.get().imageDigest(), action));
    }

    @Override
    public Optional<RawManifest> getManifest(ImageRef ref) throws RegistryException {
        String action = "read the manifest of " + ref + " in " + repository;
        // Offer every manifest type: ECR converts an image whose stored type is not accepted, changing its digest.
        BatchGetImageResponse r = call(action, () -> ecr.batchGetImage(b -> b.registryId(registryId)
                .repositoryName(repository.name()).imageIds(id(ref)).acceptedMediaTypes(MediaTypes.MANIFESTS)));
        if (r.hasImages() && !r.images().isEmpty()) {
            var image = r.images().get(0);
            if (image.imageManifest() == null) {
                throw errors.protocol(action, "ECR returned the image without its manifest");
            }
            if (image.imageManifestMediaType() == null) {
                throw errors.protocol(action, "ECR returned the manifest without its media type");
            }
            RawManifest m = RawManifest.of(image.imageManifest().getBytes(StandardCharsets.UTF_8), image.imageManifestMediaType());
            String reported = image.imageId() == null ? null : image.imageId().imageDigest();
            if (reported != null && !reported.equals(m.digest().toString())) {
                throw errors.protocol(action, "ECR reports digest " + reported + " but the manifest text it returned "
                        + "hashes to " + m.digest() + "; it may have converted the image");
            }
            return Optional.of(m);
        }
        if (r.hasFailures()) {
            for (ImageFailure f : r.failures()) {
                String code = f.failureCodeAsString();
                // ImageTagDoesNotMatchDigest cannot happen for a single id; treat it like a missing image all the same.
                if (!"ImageNotFound".equals(code) && !"ImageTagDoesNotMatchDigest".equals(code)) {
                    throw errors.failure(action, f);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public PutResult putManifest(Tag tag, RawManifest manifest) throws RegistryException {
        String action = "point " + tag + " at " + manifest.digest() + " in " + repository;
        String text = manifest.text();
        // PutImage takes the manifest as a string; ECR hashes its UTF-8 bytes. Bytes that are not UTF-8 would change.
        if (!Arrays.equals(text.getBytes(StandardCharsets.UTF_8), manifest.bytes())) {
            throw errors.protocol(action, "the manifest is not UTF-8 text, so ECR could not store it byte for byte");
        }
        try {
            // imageDigest makes ECR check the digest of what it stores; moto stores it as given (it would otherwise
            // make up a digest from the layer digests).
            PutImageResponse r = ecr.putImage(b -> b.registryId(registryId).repositoryName(repository.name())
                    .imageManifest(text).imageManifestMediaType(manifest.mediaType()).imageTag(tag.value())
                    .imageDigest(manifest.digest().toString()));
            String reported = r.image() == null || r.image().imageId() == null ? null : r.image().imageId().imageDigest();
            return new PutResult(reported == null ? manifest.digest() : digest(reported, action), true);
        } catch (ImageAlreadyExistsException e) {
            // ECR: the tag already names exactly this manifest, nothing changed. moto also answers this for an
            // immutable repository when the tag names another image, so look before calling it unchanged.
            Optional<Digest> now = resolve(ImageRef.of(tag));
            if (now.isPresent() && now.get().equals(manifest.digest())) {
                return new PutResult(manifest.digest(), false);
            }
            throw errors.immutable(action, tag.value(), e);
        } catch (ImageTagAlreadyExistsException e) {
            throw errors.immutable(action, tag.value(), e);
        } catch (SdkException e) {
            throw errors.translate(action, e);
        }
    }

    @Override
    public List<Tag> listTags() throws RegistryException {
        String action = "list the tags of " + repository;
        Set<Tag> tags = new LinkedHashSet<>();
        String token = null;
        do {
            String next = token;
            ListImagesResponse page = call(action, () -> ecr.listImages(b -> b.registryId(registryId)
                    .repositoryName(repository.name()).filter(f -> f.tagStatus(TagStatus.TAGGED))
                    .maxResults(PAGE_SIZE).nextToken(next)));
            for (ImageIdentifier id : page.imageIds()) {
                // moto ignores the TAGGED filter and lists untagged images with a null tag.
                if (id.imageTag() != null) {
                    tags.add(tag(id.imageTag(), action));
                }
            }
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return List.copyOf(tags);
    }

    /** One DescribeImages call: ECR lists every tag of the image. */
    @Override
    public Set<Tag> tagsOf(Digest digest) throws RegistryException {
        String action = "find the tags of " + digest + " in " + repository;
        Optional<ImageDetail> d = describe(ImageRef.of(digest), action);
        Set<Tag> out = new LinkedHashSet<>();
        if (d.isPresent() && d.get().hasImageTags()) {
            for (String t : d.get().imageTags()) {
                out.add(tag(t, action));
            }
        }
        return out;
    }

    /**
     * One DescribeImages call per given tag, whatever the size of the repository: the answer for a tag lists every
     * other tag of the same image. Missing tags are left out.
     */
    @Override
    public Map<Tag, Image> imagesOf(List<Tag> tags, Predicate<Tag> wanted, Comparator<Tag> order) throws RegistryException {
        Map<Tag, Image> out = new LinkedHashMap<>();
        for (Tag t : tags) {
            String action = "find the image of " + t + " in " + repository;
            Optional<ImageDetail> d = describe(ImageRef.of(t), action);
            if (d.isEmpty()) {
                continue;
            }
            List<Tag> others = new ArrayList<>();
            if (d.get().hasImageTags()) {
                for (String s : d.get().imageTags()) {
                    Tag other = tag(s, action);
                    if (wanted.test(other)) {
                        others.add(other);
                    }
                }
            }
            others.sort(order);
            out.put(t, new Image(digest(d.get().imageDigest(), action), others));
        }
        return out;
    }

    private Optional<ImageDetail> describe(ImageRef ref, String action) throws RegistryException {
        try {
            DescribeImagesResponse r = ecr.describeImages(b -> b.registryId(registryId)
                    .repositoryName(repository.name()).imageIds(id(ref)));
            return r.hasImageDetails() ? r.imageDetails().stream().findFirst() : Optional.empty();
        } catch (ImageNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw errors.translate(action, e);
        }
    }

    private <T> T call(String action, Supplier<T> request) throws RegistryException {
        try {
            return request.get();
        } catch (SdkException e) {
            throw errors.translate(action, e);
        }
    }

    private static ImageIdentifier id(ImageRef ref) {
        return ref.isDigest()
                ? ImageIdentifier.builder().imageDigest(ref.digest().orElseThrow().toString()).build()
                : ImageIdentifier.builder().imageTag(ref.tag().orElseThrow().value()).build();
    }

    private Digest digest(String text, String action) throws RegistryException {
        try {
            return Digest.parse(text);
        } catch (Exception e) {
            throw errors.protocol(action, "ECR reported '" + text + "', which is not a sha256 digest");
        }
    }

    private Tag tag(String text, String action) throws RegistryException {
        try {
            return Tag.parse(text);
        } catch (Exception e) {
            throw errors.protocol(action, "ECR reported the tag '" + text + "', which is not a valid tag");
        }
    }

    /** Closes the ECR client, then the STS client and HTTP client it shares. */
    @Override
    public void close() {
        ecr.close();
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception ignored) {
                // Closing never throws: the call that mattered is done.
            }
        }
    }

    @Override
    public String toString() {
        return "EcrRegistry{" + repository + "}";
    }
}
