package io.github.ecrpromotion.core.exec;

import io.github.ecrpromotion.core.InvalidInputException;
import io.github.ecrpromotion.core.PromotionException;
import io.github.ecrpromotion.core.PromotionRefusedException;
import io.github.ecrpromotion.core.buildtag.BuildTag;
import io.github.ecrpromotion.core.buildtag.BuildTagFormat;
import io.github.ecrpromotion.core.buildtag.BuildTagOrder;
import io.github.ecrpromotion.core.env.Environment;
import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.env.EnvironmentState;
import io.github.ecrpromotion.core.env.PipelineState;
import io.github.ecrpromotion.core.plan.PromotionPlan;
import io.github.ecrpromotion.core.plan.PromotionPlanner;
import io.github.ecrpromotion.core.plan.PromotionRequest;
import io.github.ecrpromotion.core.plan.PromotionSource;
import io.github.ecrpromotion.core.plan.TagChange;
import io.github.ecrpromotion.core.plan.TagPlan;
import io.github.ecrpromotion.core.plan.TagRequest;
import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.Image;
import io.github.ecrpromotion.core.registry.ImmutableTagException;
import io.github.ecrpromotion.core.registry.PutResult;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryException.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs plans against one registry; every writing path (CLI verbs, Pipeline steps, build-page buttons) comes here.
 * A promotion reads the source manifest once, looks up the target's current image, lets the {@link PromotionPlanner}
 * decide, and writes the same bytes under the target tag once. Registries offer no compare-and-set, so after every
 * write it reads back what the touched tags point at: the tag must name the digest written (else another run won
 * a race, or the registry acknowledged a write it did not store: a failure naming both digests), and the image a tag
 * was moved off must still have a tag (else it gets a {@link RecoveryTag} and the run fails saying so). Runs in one
 * process take turns per repository ({@link RepositoryLocks}).
 */
public final class PromotionExecutor {
    private final Registry registry;
    private final EnvironmentChain chain;
    private final PromotionPlanner planner;
    private final RepositoryLocks locks;

    public PromotionExecutor(Registry registry, EnvironmentChain chain) {
        this(registry, chain, RepositoryLocks.PROCESS);
    }

    /** With other locks than the process's, so a test can stand for runs in separate processes. */
    public PromotionExecutor(Registry registry, EnvironmentChain chain, RepositoryLocks locks) {
        this.registry = registry;
        this.chain = chain;
        this.planner = new PromotionPlanner(chain);
        this.locks = locks;
    }

    /**
     * Points the target environment at the source image, or (dry run) says what it would do.
     *
     * @throws InvalidInputException unknown environment, or the source names nothing in the repository
     * @throws PromotionRefusedException a safety rule forbids it; nothing was written
     * @throws RegistryException the registry failed, the repository does not exist (NOT_FOUND), or the read-back
     *     found that another run changed the tags at the same time (CONFLICT; the message says what it found)
     */
    public PromotionResult promote(PromotionRequest request, boolean dryRun) throws PromotionException {
        planner.check(request);
        try (RepositoryLocks.Held held = locks.lock(registry.repository())) {
            return promoteHeld(request, dryRun);
        }
    }

    private PromotionResult promoteHeld(PromotionRequest request, boolean dryRun) throws PromotionException {
        Tag target = request.target().tag();
        PromotionSource source = request.source();
        String action = "promote " + source + " to " + request.target() + " in " + registry.repository();
        RawManifest manifest = registry.getManifest(source.ref()).orElse(null);
        if (manifest == null) {
            requireRepository();
            throw missingSource(source, action);
        }
        if (source instanceof PromotionSource.ByDigest byDigest && !byDigest.digest().equals(manifest.digest())) {
            throw digestMismatch(source.ref().toString(), byDigest.digest(), manifest.digest());
        }
        Digest digest = manifest.digest();
        List<Tag> lookup = new ArrayList<>(List.of(target));
        if (source instanceof PromotionSource.FromEnvironment from) {
            lookup.add(from.environment().tag());
        }
        Map<Tag, Image> images = registry.imagesOf(lookup, t -> !t.equals(target), BuildTagOrder.BUILD_TAGS_NEWEST_FIRST);
        // The build tag reported is the one of the bytes read, never of whatever the source tag names by now.
        Optional<Tag> buildTag;
        if (source instanceof PromotionSource.ByBuildTag byTag) {
            buildTag = Optional.of(byTag.buildTag().tag());
        } else {
            Image img = source instanceof PromotionSource.FromEnvironment from ? images.get(from.environment().tag()) : null;
            buildTag = img != null && img.digest().equals(digest) ? BuildTagOrder.newest(img.tags())
                    : BuildTagOrder.newest(registry.tagsOf(digest, BuildTag::isBuildTag, BuildTagOrder.BUILD_TAGS_NEWEST_FIRST));
        }
        Optional<Image> current = Optional.ofNullable(images.get(target));
        PromotionPlan plan = planner.plan(registry.repository(), request, manifest, buildTag, current);
        List<String> warnings = new ArrayList<>(registry.takeWarnings());
        if (!plan.changed() || dryRun) {
            return new PromotionResult(plan, plan.changed(), dryRun, warnings);
        }
        PutResult put = write(target, manifest, plan.change().before());
        readBack(target, digest, action);
        keepTagged(plan.change(), current, action);
        warnings.addAll(registry.takeWarnings());
        return new PromotionResult(plan, put.changed(), false, warnings);
    }

    /**
     * Puts the build tag, and optionally an environment tag, on a pushed image. A build already tagged on this image
     * (same job, build number and git sha, whatever the time) keeps its tag and is reported unchanged.
     *
     * @throws PromotionRefusedException the chain forbids the environment, the build is tagged on another image, or
     *     the environment tag is the last tag of its image
     * @throws RegistryException as for {@link #promote}
     */
    public TagResult applyTags(TagRequest request, boolean dryRun) throws PromotionException {
        if (request.environment().isPresent()) {
            chain.require(request.environment().get().name());
            planner.policy().admit(request.environment().get(), new PromotionSource.NewBuild(request.source()));
        }
        try (RepositoryLocks.Held held = locks.lock(registry.repository())) {
            return applyTagsHeld(request, dryRun);
        }
    }

    private TagResult applyTagsHeld(TagRequest request, boolean dryRun) throws PromotionException {
        String action = "tag " + request.source() + " as " + request.buildTag() + " in " + registry.repository();
        RawManifest manifest = registry.getManifest(request.source()).orElse(null);
        if (manifest == null) {
            requireRepository();
            throw new InvalidInputException("Tried to " + action + " but failed because no image has that "
                    + (request.source().isDigest() ? "digest" : "tag") + " there");
        }
        if (request.source().digest().isPresent() && !request.source().digest().get().equals(manifest.digest())) {
            throw digestMismatch(request.source().toString(), request.source().digest().get(), manifest.digest());
        }
        Digest digest = manifest.digest();
        Optional<Image> envNow = Optional.empty();
        if (request.environment().isPresent()) {
            Tag envTag = request.environment().get().tag();
            envNow = Optional.ofNullable(registry.imagesOf(List.of(envTag), t -> !t.equals(envTag),
                    BuildTagOrder.BUILD_TAGS_NEWEST_FIRST).get(envTag));
        }
        List<Tag> listed = registry.listTags();
        Map<Tag, Digest> sameBuild = sameBuild(request.buildTag(), listed);
        TagPlan plan = planner.planTags(registry.repository(), request, manifest, sameBuild,
                buildTagsOn(digest), envNow);
        List<String> warnings = new ArrayList<>(registry.takeWarnings());
        if (!dryRun) {
            // The build tag goes first, so the environment's new image is never without its build tag.
            for (TagChange change : plan.changes()) {
                if (change.changed()) {
                    write(change.tag(), manifest, change.before());
                    readBack(change.tag(), digest, action);
                    if (change.tag().equals(plan.buildTag())) {
                        readBackBuild(request, digest, action, listed);
                    } else {
                        keepTagged(change, envNow, action);
                    }
                }
            }
            warnings.addAll(registry.takeWarnings());
        }
        return new TagResult(plan, dryRun, warnings);
    }

    /**
     * The build tags on the image (at least its newest one, when it has any), asked by the digest of the bytes read:
     * no second read of the source tag (ECR and the layout answer with every tag at once; the distribution API
     * backend walks the build tags, newest first, with what it remembers of them).
     */
    private List<Tag> buildTagsOn(Digest digest) throws RegistryException {
        return registry.tagsOf(digest, t -> BuildTagFormat.tryParse(t.value()).isPresent(),
                BuildTagOrder.BUILD_TAGS_NEWEST_FIRST);
    }

    /**
     * After writing a new build tag: the check the plan relied on, made again now that the tag is out. Another run of
     * the same build may have tagged another image at the same time (with another time part, so another tag), or
     * another build's run may have tagged this image; either way the build or the image now has two identities, and
     * this run must not report success. Both racing runs may find it; neither reports a false success.
     */
    private void readBackBuild(TagRequest request, Digest digest, String action, List<Tag> listedBefore)
            throws RegistryException {
        BuildTag requested = request.buildTag();
        // The tags listed before were checked then, and build tags never move: only tags that appeared since can
        // carry another run's identity. One listing and a look-up of each new build tag (usually none but ours).
        java.util.Set<Tag> before = new java.util.HashSet<>(listedBefore);
        before.add(requested.tag());
        for (Tag t : registry.listTags()) {
            Optional<BuildTag> other = before.contains(t) ? Optional.empty() : BuildTagFormat.tryParse(t.value());
            if (other.isEmpty()) {
                continue;
            }
            Optional<Digest> named = registry.resolve(ImageRef.of(t));
            if (named.isEmpty()) {
                continue;
            }
            if (other.get().sameBuild(requested) && !named.get().equals(digest)) {
                throw new RegistryException(Reason.CONFLICT, "Tried to " + action + " but failed because another run "
                        + "tagged build " + requested.job() + " #" + requested.buildNumber() + " on another image at the "
                        + "same time: " + t + " names " + named.get() + ", and this run's " + requested.tag()
                        + " names " + digest + ". The build now has two images; keep one and remove the other's build tag");
            }
            if (!other.get().sameBuild(requested) && named.get().equals(digest)) {
                throw new RegistryException(Reason.CONFLICT, "Tried to " + action + " but failed because another run gave "
                        + "the image " + digest + " the build tag " + t + " of another build at the same time, "
                        + "next to this run's " + requested.tag() + ". The image now is two builds; remove one of the tags");
            }
        }
    }

    /**
     * The build tags of the repository with the build's identity, and the digest each names. The requested tag is
     * always resolved, so its absence is confirmed by the registry and not only by the listing.
     */
    private Map<Tag, Digest> sameBuild(BuildTag requested, List<Tag> listed) throws RegistryException {
        Map<Tag, Digest> out = new LinkedHashMap<>();
        List<Tag> candidates = new ArrayList<>();
        for (Tag t : listed) {
            if (!t.equals(requested.tag()) && BuildTagFormat.tryParse(t.value()).filter(requested::sameBuild).isPresent()) {
                candidates.add(t);
            }
        }
        candidates.add(requested.tag());
        for (Tag t : candidates) {
            registry.resolve(ImageRef.of(t)).ifPresent(d -> out.put(t, d));
        }
        return out;
    }

    /** The pipeline's state, derived from the registry alone. A missing repository is NOT_FOUND, not "{}". */
    public PipelineState state() throws PromotionException {
        Map<Tag, Image> images = registry.imagesOf(chain.tags(), BuildTag::isBuildTag, BuildTagOrder.BUILD_TAGS_NEWEST_FIRST);
        if (images.isEmpty()) {
            requireRepository();
        }
        List<EnvironmentState> states = new ArrayList<>();
        List<String> warnings = new ArrayList<>(registry.takeWarnings());
        for (Environment env : chain.environments()) {
            Image img = images.get(env.tag());
            if (img == null) {
                continue;
            }
            List<Tag> buildTags = img.tags().stream().filter(BuildTag::isBuildTag)
                    .sorted(BuildTagOrder.BUILD_TAGS_NEWEST_FIRST).toList();
            if (buildTags.isEmpty()) {
                warnings.add(env + " points at image " + img.digest() + ", which has no build tag");
            } else if (buildTags.size() > 1) {
                warnings.add(env + " points at image " + img.digest() + ", which has " + buildTags.size()
                        + " build tags " + buildTags + "; reporting the newest, " + buildTags.get(0));
            }
            states.add(new EnvironmentState(env, img.digest(), buildTags.stream().findFirst()));
        }
        return new PipelineState(chain, states, warnings);
    }

    /** Writes only while the tag still points at {@code expected}, what the plan was made from. */
    private PutResult write(Tag tag, RawManifest manifest, Optional<Digest> expected) throws PromotionException {
        PutResult put;
        try {
            put = registry.putManifestIf(tag, manifest, expected);
        } catch (ImmutableTagException e) {
            // The repository forbids moving tags: a policy of the registry, not a failure of it.
            throw new PromotionRefusedException(PromotionRefusedException.Policy.IMMUTABLE_TAG, e.getMessage(), e);
        }
        if (!put.digest().equals(manifest.digest())) {
            throw new RegistryException(Reason.PROTOCOL, "Tried to point " + tag + " at " + manifest.digest() + " in "
                    + registry.repository() + " but failed because the registry reports digest " + put.digest()
                    + " for those bytes; it may have rewritten the manifest");
        }
        return put;
    }

    /**
     * After a write: the tag must name the digest written. Anything else means another run moved it at the same time,
     * or the registry acknowledged a write it did not store; either way this run's report would be false.
     */
    private void readBack(Tag tag, Digest written, String action) throws RegistryException {
        Optional<Digest> now = registry.resolve(ImageRef.of(tag));
        if (now.isEmpty()) {
            throw new RegistryException(Reason.CONFLICT, "Tried to " + action + " but failed because the registry "
                    + "acknowledged writing " + tag + " (" + written + ") and then had no " + tag + " at all: it did "
                    + "not store the write");
        }
        if (!now.get().equals(written)) {
            throw new RegistryException(Reason.CONFLICT, "Tried to " + action + " but failed because right after this "
                    + "run pointed " + tag + " at " + written + ", it pointed at " + now.get() + ": another run "
                    + "wrote it at the same time (or the registry did not store this write). Check the repository's "
                    + "state; this run's write did not stick");
        }
    }

    /**
     * After moving {@code change.tag()} off an image: that image must still have a tag. The guard checked this before
     * the write, but another run may have moved the image's other tags meanwhile. An image left without any tag gets
     * its recovery tag, and the run fails saying so.
     */
    private void keepTagged(TagChange change, Optional<Image> before, String action) throws PromotionException {
        if (change.before().isEmpty() || change.before().get().equals(change.after())) {
            return;
        }
        Digest old = change.before().get();
        for (Tag t : before.map(Image::tags).orElse(List.of())) {
            if (!t.equals(change.tag()) && registry.resolve(ImageRef.of(t)).filter(old::equals).isPresent()) {
                return;
            }
        }
        // Every tag we knew of moved away: ask the registry whether any tag is left before concluding anything.
        if (!registry.tagsOf(old, t -> true, BuildTagOrder.BUILD_TAGS_NEWEST_FIRST).isEmpty()) {
            return;
        }
        Tag keep = RecoveryTag.of(old);
        String lost = "Tried to " + action + " but failed because another run moved the other tags of image " + old
                + " at the same time, so moving " + change.tag() + " to " + change.after() + " left " + old
                + " without any tag";
        Optional<RawManifest> oldManifest = registry.getManifest(ImageRef.of(old));
        if (oldManifest.isEmpty()) {
            throw new RegistryException(Reason.CONFLICT, lost + ", and the registry no longer serves it, so it could "
                    + "not be kept with the recovery tag " + keep);
        }
        Optional<Digest> keepNow = registry.resolve(ImageRef.of(keep));
        if (keepNow.isEmpty()) {
            write(keep, oldManifest.get(), Optional.empty());
            readBack(keep, old, "put the recovery tag " + keep + " on " + old);
        } else if (!keepNow.get().equals(old)) {
            throw new RegistryException(Reason.CONFLICT, lost + "; its recovery tag " + keep + " names another image "
                    + keepNow.get() + ", so it was left alone");
        }
        throw new RegistryException(Reason.CONFLICT, lost + "; this run put the recovery tag " + keep + " on it so that "
                + "no garbage collection or lifecycle rule deletes it. " + change.tag() + " now points at "
                + change.after() + "; check the repository's state");
    }

    /** Throws NOT_FOUND ("repository not found") when the repository does not exist. */
    private void requireRepository() throws RegistryException {
        registry.listTags();
    }

    private InvalidInputException missingSource(PromotionSource source, String action) {
        String why;
        if (source instanceof PromotionSource.FromEnvironment from) {
            why = "environment " + from.environment() + " has no tag in " + registry.repository() + "; nothing is there to promote yet";
        } else if (source instanceof PromotionSource.ByBuildTag byTag) {
            why = "build tag " + byTag.buildTag() + " is not in " + registry.repository();
        } else if (source instanceof PromotionSource.NewBuild build) {
            why = "no image in " + registry.repository() + " has the " + (build.ref().isDigest() ? "digest " : "tag ") + build.ref();
        } else {
            why = "no image in " + registry.repository() + " has that digest";
        }
        return new InvalidInputException("Tried to " + action + " but failed because " + why);
    }

    private RegistryException digestMismatch(String ref, Digest expected, Digest actual) {
        return new RegistryException(Reason.PROTOCOL, "Tried to read " + ref + " from "
                + registry.repository() + " but failed because the manifest returned hashes to " + actual
                + ", not " + expected);
    }
}
