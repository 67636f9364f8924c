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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
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
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
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
    private final java.time.Duration operationTimeout;
    private final long operationEnd;
    /** Warnings not yet taken, and every tag already warned about, so each skipped tag is named once. */
    private final List<String> warnings = new ArrayList<>();
    private final Set<String> skipped = new HashSet<>();

    EcrRegistry(Repository repository, String registryId, EcrClient ecr, List<AutoCloseable> resources, EcrErrors errors) {
        this(repository, registryId, ecr, resources, errors, null);
    }

    /**
     * With {@code operationTimeout}, every call's apiCallTimeout is what is left of it since opening (the options'
     * timeout covering the whole operation); null leaves each call its own client-level timeout.
     */
    EcrRegistry(Repository repository, String registryId, EcrClient ecr, List<AutoCloseable> resources, EcrErrors errors,
                java.time.Duration operationTimeout) {
        this.operationTimeout = operationTimeout;
        this.operationEnd = operationTimeout == null ? Long.MAX_VALUE : System.nanoTime() + operationTimeout.toNanos();
        this.repository = repository;
        this.registryId = registryId;
        this.ecr = ecr;
        this.resources = List.copyOf(resources);
        this.errors = errors;
    }

    /**
     * The time left of the whole operation as this request's apiCallTimeout (null when each call has its own); once it
     * has passed, the call is not sent.
     */
    private software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration budget(String action) throws RegistryException {
        if (operationTimeout == null) {
            return null;
        }
        long left = operationEnd - System.nanoTime();
        if (left <= 0) {
            throw new RegistryException(RegistryException.Reason.UNAVAILABLE, "Tried to " + action + " but failed "
                    + "because the timeout of " + operationTimeout.toSeconds() + " s for the whole operation has passed");
        }
        return software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration.builder()
                .apiCallTimeout(java.time.Duration.ofNanos(left)).build();
    }

    @Override
    public Repository repository() {
        return repository;
    }

    /**
     * One DescribeImages when the image is there. An absence is confirmed with a BatchGetImage (a full read) before
     * it is believed, since a safety rule relies on it.
     */
    @Override
    public Optional<Digest> resolve(ImageRef ref) throws RegistryException {
        String action = "resolve " + ref + " in " + repository;
        Optional<ImageDetail> d = describe(ref, action);
        if (d.isPresent()) {
            return Optional.of(digest(d.get().imageDigest(), action));
        }
        return batchGet(ref, action).map(RawManifest::digest);
    }

    @Override
    public Optional<RawManifest> getManifest(ImageRef ref) throws RegistryException {
        return batchGet(ref, "read the manifest of " + ref + " in " + repository);
    }

    /** BatchGetImage of one image: its exact manifest, or empty when ECR reports it not found. */
    private Optional<RawManifest> batchGet(ImageRef ref, String action) throws RegistryException {
        // Offer every manifest type: ECR converts an image whose stored type is not accepted, changing its digest.
        var budget = budget(action);
        BatchGetImageResponse r = call(action, () -> ecr.batchGetImage(b -> b.registryId(registryId)
                .repositoryName(repository.name()).imageIds(id(ref)).acceptedMediaTypes(MediaTypes.MANIFESTS)
                .overrideConfiguration(budget)));
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
        var budget = budget(action);
        try {
            // imageDigest makes ECR check the digest of what it stores; moto stores it as given (it would otherwise
            // make up a digest from the layer digests).
            PutImageResponse r = ecr.putImage(b -> b.registryId(registryId).repositoryName(repository.name())
                    .imageManifest(text).imageManifestMediaType(manifest.mediaType()).imageTag(tag.value())
                    .imageDigest(manifest.digest().toString()).overrideConfiguration(budget));
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
            throw missingRepositoryOr(errors.translate(action, e), action);
        }
    }

    /**
     * moto answers PutImage to a missing repository with HTTP 500 where ECR answers RepositoryNotFoundException.
     * After a server-side failure, one ListImages tells the two apart, so the caller learns the repository is missing
     * rather than that ECR is down. Costs nothing on success.
     */
    private RegistryException missingRepositoryOr(RegistryException failure, String action) {
        if (failure.reason() != RegistryException.Reason.UNAVAILABLE
                || !(failure.getCause() instanceof AwsServiceException ase) || ase.statusCode() < 500) {
            return failure;
        }
        try {
            ecr.listImages(b -> b.registryId(registryId).repositoryName(repository.name()).maxResults(1));
        } catch (RepositoryNotFoundException missing) {
            RegistryException out = errors.translate(action, missing);
            out.addSuppressed(failure);
            return out;
        } catch (SdkException ignored) {
            // The probe failed too: the first failure says more.
        }
        return failure;
    }

    @Override
    public List<Tag> listTags() throws RegistryException {
        String action = "list the tags of " + repository;
        Set<Tag> tags = new LinkedHashSet<>();
        String token = null;
        do {
            String next = token;
            var budget = budget(action);
            ListImagesResponse page = call(action, () -> ecr.listImages(b -> b.registryId(registryId)
                    .repositoryName(repository.name()).filter(f -> f.tagStatus(TagStatus.TAGGED))
                    .maxResults(PAGE_SIZE).nextToken(next).overrideConfiguration(budget)));
            for (ImageIdentifier id : page.imageIds()) {
                // moto ignores the TAGGED filter and lists untagged images with a null tag.
                if (id.imageTag() != null) {
                    validTag(id.imageTag()).ifPresent(tags::add);
                }
            }
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return List.copyOf(tags);
    }

    /** One DescribeImages call: ECR lists every tag of the image. An absence is confirmed as for resolve. */
    @Override
    public Set<Tag> tagsOf(Digest digest) throws RegistryException {
        String action = "find the tags of " + digest + " in " + repository;
        Optional<ImageDetail> d = describeConfirmed(ImageRef.of(digest), action);
        Set<Tag> out = new LinkedHashSet<>();
        if (d.isPresent() && d.get().hasImageTags()) {
            for (String t : d.get().imageTags()) {
                validTag(t).ifPresent(out::add);
            }
        }
        return out;
    }

    /**
     * One DescribeImages call per given tag, whatever the size of the repository: the answer for a tag lists every
     * other tag of the same image. Missing tags (confirmed as for resolve) are left out.
     */
    @Override
    public Map<Tag, Image> imagesOf(List<Tag> tags, Predicate<Tag> wanted, Comparator<Tag> order) throws RegistryException {
        Map<Tag, Image> out = new LinkedHashMap<>();
        for (Tag t : tags) {
            String action = "find the image of " + t + " in " + repository;
            Optional<ImageDetail> d = describeConfirmed(ImageRef.of(t), action);
            if (d.isEmpty()) {
                continue;
            }
            List<Tag> others = new ArrayList<>();
            if (d.get().hasImageTags()) {
                for (String s : d.get().imageTags()) {
                    Optional<Tag> other = validTag(s);
                    if (other.isPresent() && wanted.test(other.get())) {
                        others.add(other.get());
                    }
                }
            }
            others.sort(order);
            out.put(t, new Image(digest(d.get().imageDigest(), action), others));
        }
        return out;
    }

    /**
     * DescribeImages, believing an absence only when a BatchGetImage of the same id confirms it. When BatchGetImage
     * has the image, DescribeImages is asked again by the digest it returned; if that still shows nothing, the two
     * answers contradict each other and the call fails (retryable) rather than guess.
     */
    private Optional<ImageDetail> describeConfirmed(ImageRef ref, String action) throws RegistryException {
        Optional<ImageDetail> d = describe(ref, action);
        if (d.isPresent()) {
            return d;
        }
        Optional<RawManifest> m = batchGet(ref, action);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        Digest digest = m.get().digest();
        Optional<ImageDetail> byDigest = describe(ImageRef.of(digest), action);
        if (byDigest.isEmpty()) {
            throw errors.contradiction(action, "BatchGetImage returned the image " + digest + " for " + ref
                    + " but DescribeImages does not show it");
        }
        return byDigest;
    }

    /** One DescribeImages; empty when ECR answers ImageNotFoundException or no details (not yet confirmed). */
    private Optional<ImageDetail> describe(ImageRef ref, String action) throws RegistryException {
        var budget = budget(action);
        try {
            DescribeImagesResponse r = ecr.describeImages(b -> b.registryId(registryId)
                    .repositoryName(repository.name()).imageIds(id(ref)).overrideConfiguration(budget));
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

    /**
     * The tag, or empty with a warning when another tool wrote a tag that is not a valid OCI tag for us: ECR accepts
     * up to 300 characters, the OCI grammar (and every tag we write) at most 128.
     */
    private Optional<Tag> validTag(String text) {
        if (Tag.PATTERN.matcher(text).matches()) {
            return Optional.of(Tag.of(text));
        }
        synchronized (warnings) {
            if (skipped.add(text)) {
                warnings.add("Skipped the tag " + shown(text) + " (" + text.length() + " characters) in " + repository.name()
                        + ": not a valid OCI tag (at most 128 of [A-Za-z0-9._-], not starting with '.' or '-')");
            }
        }
        return Optional.empty();
    }

    /** The tag quoted, with anything outside printable ASCII escaped, cut to about 140 characters. */
    private static String shown(String text) {
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '\'') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
            if (out.length() >= 140 && i < text.length() - 1) {
                return out.append("...'").toString();
            }
        }
        return out.append('\'').toString();
    }

    @Override
    public List<String> takeWarnings() {
        synchronized (warnings) {
            List<String> out = List.copyOf(warnings);
            warnings.clear();
            return out;
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
