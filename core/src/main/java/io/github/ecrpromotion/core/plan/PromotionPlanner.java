package io.github.ecrpromotion.core.plan;

import io.github.ecrpromotion.core.InvalidInputException;
import io.github.ecrpromotion.core.PromotionException;
import io.github.ecrpromotion.core.PromotionRefusedException;
import io.github.ecrpromotion.core.PromotionRefusedException.Policy;
import io.github.ecrpromotion.core.buildtag.BuildTag;
import io.github.ecrpromotion.core.buildtag.BuildTagOrder;
import io.github.ecrpromotion.core.env.Environment;
import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.Image;
import io.github.ecrpromotion.core.registry.RawManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns promotion and tagging requests into plans or refusals. Pure and deterministic: the executor reads the
 * registry and hands the facts in; nothing here does I/O.
 */
public final class PromotionPlanner {
    private final EnvironmentChain chain;

    public PromotionPlanner(EnvironmentChain chain) {
        this.chain = chain;
    }

    public EnvironmentChain chain() {
        return chain;
    }

    /**
     * Checks what can be checked before reading the registry: both environments are in the chain, they differ,
     * and an environment source is the target's predecessor.
     */
    public void check(PromotionRequest request) throws PromotionException {
        Environment target = request.target();
        if (!chain.contains(target)) {
            throw new InvalidInputException("Tried to promote to '" + target + "' but failed because it is not in the "
                    + "environment chain; valid environments are " + chain);
        }
        if (request.source() instanceof PromotionSource.FromEnvironment from) {
            Environment source = from.environment();
            if (!chain.contains(source)) {
                throw new InvalidInputException("Tried to promote from '" + source + "' to " + target + " but failed "
                        + "because '" + source + "' is not in the environment chain; valid environments are " + chain);
            }
            if (source.equals(target)) {
                throw new InvalidInputException("Tried to promote " + target + " from itself but failed because the "
                        + "source and target environments must differ");
            }
            Optional<Environment> predecessor = chain.predecessor(target);
            if (predecessor.isEmpty()) {
                throw new PromotionRefusedException(Policy.NOT_FROM_PREDECESSOR, "Tried to promote from " + source
                        + " to " + target + " but failed because " + target + " is the first environment in " + chain
                        + " and takes images only from builds; name the image by build tag or digest instead");
            }
            if (!predecessor.get().equals(source)) {
                throw new PromotionRefusedException(Policy.NOT_FROM_PREDECESSOR, "Tried to promote from " + source
                        + " to " + target + " but failed because " + target + " takes images only from its predecessor "
                        + predecessor.get() + " in " + chain + "; to skip or go back, name the image by build tag or digest");
            }
        }
    }

    /**
     * Plans the promotion from the facts read: the source manifest, the build tag on the source image, and the image
     * the target tag points at now with its other tags (build tags first).
     */
    public PromotionPlan plan(Repository repository, PromotionRequest request, RawManifest manifest,
                              Optional<Tag> sourceBuildTag, Optional<Image> current) throws PromotionException {
        check(request);
        TagChange change = change(request.target().tag(), manifest.digest(), current, "promote " + request.source()
                + " to " + request.target() + " in " + repository);
        return new PromotionPlan(repository, request, manifest, sourceBuildTag, change);
    }

    /**
     * Plans putting a build tag, and optionally an environment tag, on the source image. {@code buildTagNow} is the
     * digest the build tag points at today, if it exists; {@code environmentNow} the image the environment tag
     * points at, with its other tags.
     */
    public TagPlan planTags(Repository repository, TagRequest request, RawManifest manifest,
                            Optional<Digest> buildTagNow, Optional<Image> environmentNow) throws PromotionException {
        BuildTag buildTag = request.buildTag();
        Digest digest = manifest.digest();
        List<TagChange> changes = new ArrayList<>();
        if (buildTagNow.isPresent() && !buildTagNow.get().equals(digest)) {
            throw new PromotionRefusedException(Policy.BUILD_TAG_TAKEN, "Tried to tag " + request.source() + " ("
                    + digest.shortForm() + ") as " + buildTag + " in " + repository + " but failed because that build tag "
                    + "already names another image (" + buildTagNow.get() + ") and build tags never move; generate a new "
                    + "build tag for a new build");
        }
        changes.add(new TagChange(buildTag.tag(), buildTagNow, buildTagNow.map(d -> buildTag.tag()), digest,
                buildTagNow.isEmpty()));
        if (request.environment().isPresent()) {
            Environment env = request.environment().get();
            if (!chain.contains(env)) {
                throw new InvalidInputException("Tried to tag " + request.source() + " for '" + env + "' but failed "
                        + "because it is not in the environment chain; valid environments are " + chain);
            }
            changes.add(change(env.tag(), digest, environmentNow, "point " + env + " at " + buildTag + " in " + repository));
        }
        return new TagPlan(repository, request.source(), manifest, buildTag.tag(), changes);
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
                    + "registries and ECR lifecycle policies delete untagged images. Give that image a build tag first");
        }
        return new TagChange(tag, Optional.of(now.digest()), nowBuildTag, wanted, true);
    }
}
