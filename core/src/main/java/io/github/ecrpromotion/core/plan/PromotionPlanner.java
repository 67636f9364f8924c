package io.github.ecrpromotion.core.plan;

import io.github.ecrpromotion.core.PromotionException;
import io.github.ecrpromotion.core.PromotionRefusedException;
import io.github.ecrpromotion.core.PromotionRefusedException.Policy;
import io.github.ecrpromotion.core.buildtag.BuildTag;
import io.github.ecrpromotion.core.buildtag.BuildTagFormat;
import io.github.ecrpromotion.core.buildtag.BuildTagOrder;
import io.github.ecrpromotion.core.env.Environment;
import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.plan.PromotionPolicy.Admission;
import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.Image;
import io.github.ecrpromotion.core.registry.RawManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns promotion and tagging requests into plans or refusals, applying every safety rule: the chain rule
 * ({@link PromotionPolicy}), "no image loses its last tag", and "a build tag names exactly one image". Pure and
 * deterministic: the executor reads the registry and hands the facts in; nothing here does I/O.
 */
public final class PromotionPlanner {
    private final PromotionPolicy policy;

    public PromotionPlanner(EnvironmentChain chain) {
        this.policy = new PromotionPolicy(chain);
    }

    public EnvironmentChain chain() {
        return policy.chain();
    }

    public PromotionPolicy policy() {
        return policy;
    }

    /** Checks what can be checked before reading the registry: the chain rule for this source and target. */
    public Admission check(PromotionRequest request) throws PromotionException {
        return policy.admit(request.target(), request.source());
    }

    /**
     * Plans the promotion from the facts read: the source manifest, the build tag on the image of those bytes, and
     * the image the target tag points at now with its other tags (build tags first).
     *
     * @throws PromotionRefusedException the chain forbids it (NOT_FROM_PREDECESSOR), the source environment no
     *     longer holds the expected image (SOURCE_MOVED), or the move would untag an image (LAST_TAG)
     */
    public PromotionPlan plan(Repository repository, PromotionRequest request, RawManifest manifest,
                              Optional<Tag> sourceBuildTag, Optional<Image> current) throws PromotionException {
        Admission admission = check(request);
        if (request.source() instanceof PromotionSource.FromEnvironment from && from.expected().isPresent()
                && !from.expected().get().equals(manifest.digest())) {
            throw new PromotionRefusedException(Policy.SOURCE_MOVED, "Tried to promote " + from.expected().get()
                    + " from " + from.environment() + " to " + request.target() + " in " + repository + " but failed "
                    + "because " + from.environment() + " no longer holds it: it holds " + manifest.digest() + " now");
        }
        TagChange change = change(request.target().tag(), manifest.digest(), current, "promote " + request.source()
                + " to " + request.target() + " in " + repository);
        return new PromotionPlan(repository, request, admission, manifest, sourceBuildTag, change);
    }

    /**
     * Plans putting a build tag, and optionally an environment tag, on a pushed image. {@code sameBuild} maps each
     * build tag in the repository with the request's build identity (job, build number, git sha; the requested tag
     * itself included) to the digest it names. If one of them names this image, the build is already tagged and
     * that tag is kept (re-running a build's tagging changes nothing); if one names another image, the request is
     * refused. {@code environmentNow} is the image the environment tag points at, with its other tags.
     */
    public TagPlan planTags(Repository repository, TagRequest request, RawManifest manifest,
                            Map<Tag, Digest> sameBuild, Optional<Image> environmentNow) throws PromotionException {
        return planTags(repository, request, manifest, sameBuild, List.of(), environmentNow);
    }

    /**
     * As above, also given {@code buildTagsOnImage}: the build tags the image carries now. One of another build means
     * the image already belongs to that build, and giving it a second identity would make {@code state} report
     * the wrong build: refused.
     */
    public TagPlan planTags(Repository repository, TagRequest request, RawManifest manifest, Map<Tag, Digest> sameBuild,
                            List<Tag> buildTagsOnImage, Optional<Image> environmentNow) throws PromotionException {
        BuildTag requested = request.buildTag();
        Digest digest = manifest.digest();
        Optional<Admission> admission = Optional.empty();
        if (request.environment().isPresent()) {
            admission = Optional.of(policy.admit(request.environment().get(), new PromotionSource.NewBuild(request.source())));
        }
        for (Map.Entry<Tag, Digest> e : sameBuild.entrySet()) {
            if (!e.getValue().equals(digest)) {
                String which = e.getKey().equals(requested.tag()) ? "that build tag already names another image"
                        : "build " + requested.job() + " #" + requested.buildNumber() + " at " + requested.gitSha()
                        + " is already tagged on another image as " + e.getKey();
                throw new PromotionRefusedException(Policy.BUILD_TAG_TAKEN, "Tried to tag " + request.source() + " ("
                        + digest + ") as " + requested + " in " + repository + " but failed because " + which + " ("
                        + e.getValue() + "); a build tag names one image forever, so a new image needs a new build");
            }
        }
        for (Tag t : buildTagsOnImage) {
            Optional<BuildTag> other = BuildTagFormat.tryParse(t.value());
            if (other.isPresent() && !other.get().sameBuild(requested)) {
                throw new PromotionRefusedException(Policy.IMAGE_OF_ANOTHER_BUILD, "Tried to tag " + request.source()
                        + " (" + digest + ") as " + requested + " in " + repository + " but failed because that image "
                        + "already is build " + other.get().job() + " #" + other.get().buildNumber() + " (" + t + "); an "
                        + "image belongs to one build, so move it by that build tag instead of giving it another");
            }
        }
        Tag buildTag;
        TagChange buildTagChange;
        Optional<Tag> existing = sameBuild.containsKey(requested.tag()) ? Optional.of(requested.tag())
                : BuildTagOrder.newest(sameBuild.keySet());
        if (existing.isPresent()) {
            buildTag = existing.get();
            buildTagChange = new TagChange(buildTag, Optional.of(digest), Optional.of(buildTag), digest, false);
        } else {
            buildTag = requested.tag();
            buildTagChange = new TagChange(buildTag, Optional.empty(), Optional.empty(), digest, true);
        }
        List<TagChange> changes = new ArrayList<>();
        changes.add(buildTagChange);
        if (admission.isPresent()) {
            Environment env = admission.get().target();
            changes.add(change(env.tag(), digest, environmentNow, "point " + env + " at " + buildTag + " in " + repository));
        }
        return new TagPlan(repository, request.source(), manifest, buildTag, changes, admission);
    }

    /** The change of one movable tag, refusing to leave its current image without any tag. */
    private static TagChange change(Tag tag, Digest wanted, Optional<Image> current, String action)
            throws PromotionRefusedException {
        if (current.isEmpty()) {
            return new TagChange(tag, Optional.empty(), Optional.empty(), wanted, true);
        }
        Image now = current.get();
        List<Tag> others = now.tags().stream().filter(t -> !t.equals(tag)).toList();
        Optional<Tag> nowBuildTag = BuildTagOrder.newest(others);
        if (now.digest().equals(wanted)) {
            return new TagChange(tag, Optional.of(now.digest()), nowBuildTag, wanted, false);
        }
        if (others.isEmpty()) {
            throw new PromotionRefusedException(Policy.LAST_TAG, "Tried to " + action + " but failed because '" + tag
                    + "' is the last tag on image " + now.digest() + "; moving it would leave that image untagged, and "
                    + "registries and ECR lifecycle policies delete untagged images");
        }
        return new TagChange(tag, Optional.of(now.digest()), nowBuildTag, wanted, true);
    }
}
