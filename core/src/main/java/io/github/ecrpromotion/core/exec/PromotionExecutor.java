package io.github.ecrpromotion.core.exec;

import io.github.ecrpromotion.core.InvalidInputException;
import io.github.ecrpromotion.core.PromotionException;
import io.github.ecrpromotion.core.PromotionRefusedException;
import io.github.ecrpromotion.core.buildtag.BuildTag;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs plans against one registry. A promotion reads the source manifest once, looks up the target's current
 * image, and writes the same bytes under the target tag once; it checks the digest the registry reports.
 */
public final class PromotionExecutor {
    private final Registry registry;
    private final EnvironmentChain chain;
    private final PromotionPlanner planner;

    public PromotionExecutor(Registry registry, EnvironmentChain chain) {
        this.registry = registry;
        this.chain = chain;
        this.planner = new PromotionPlanner(chain);
    }

    /** Points the target environment at the source image, or (dry run) says what it would do. */
    public PromotionResult promote(PromotionRequest request, boolean dryRun) throws PromotionException {
        planner.check(request);
        Tag target = request.target().tag();
        PromotionSource source = request.source();
        RawManifest manifest = registry.getManifest(source.ref())
                .orElseThrow(() -> missingSource(source, "promote " + source + " to " + request.target()));
        if (source instanceof PromotionSource.ByDigest byDigest && !byDigest.digest().equals(manifest.digest())) {
            throw digestMismatch(source.ref().toString(), byDigest.digest(), manifest.digest());
        }
        List<Tag> lookup = new ArrayList<>(List.of(target));
        if (source instanceof PromotionSource.FromEnvironment from) {
            lookup.add(from.environment().tag());
        }
        Map<Tag, Image> images = registry.imagesOf(lookup, t -> !t.equals(target), BuildTagOrder.BUILD_TAGS_NEWEST_FIRST);
        Optional<Tag> sourceBuildTag;
        if (source instanceof PromotionSource.ByBuildTag byTag) {
            sourceBuildTag = Optional.of(byTag.buildTag().tag());
        } else if (source instanceof PromotionSource.FromEnvironment from) {
            Image img = images.get(from.environment().tag());
            sourceBuildTag = img == null ? Optional.empty() : BuildTagOrder.newest(img.tags());
        } else {
            sourceBuildTag = BuildTagOrder.newest(registry.tagsOf(manifest.digest()));
        }
        PromotionPlan plan = planner.plan(registry.repository(), request, manifest, sourceBuildTag,
                Optional.ofNullable(images.get(target)));
        if (!plan.changed() || dryRun) {
            return new PromotionResult(plan, plan.changed(), dryRun);
        }
        PutResult put = write(target, manifest);
        return new PromotionResult(plan, put.changed(), false);
    }

    /** Puts the build tag, and optionally an environment tag, on an existing image. */
    public TagResult applyTags(TagRequest request, boolean dryRun) throws PromotionException {
        if (request.environment().isPresent()) {
            chain.require(request.environment().get().name());
        }
        RawManifest manifest = registry.getManifest(request.source()).orElseThrow(() -> new InvalidInputException(
                "Tried to tag " + request.source() + " in " + registry.repository() + " but failed because no image "
                        + "has that " + (request.source().isDigest() ? "digest" : "tag") + " there"));
        if (request.source().digest().isPresent() && !request.source().digest().get().equals(manifest.digest())) {
            throw digestMismatch(request.source().toString(), request.source().digest().get(), manifest.digest());
        }
        Tag buildTag = request.buildTag().tag();
        Optional<Digest> buildTagNow = registry.resolve(ImageRef.of(buildTag));
        Optional<Image> envNow = Optional.empty();
        if (request.environment().isPresent()) {
            Tag envTag = request.environment().get().tag();
            envNow = Optional.ofNullable(registry.imagesOf(List.of(envTag), t -> !t.equals(envTag),
                    BuildTagOrder.BUILD_TAGS_NEWEST_FIRST).get(envTag));
        }
        TagPlan plan = planner.planTags(registry.repository(), request, manifest, buildTagNow, envNow);
        if (!dryRun) {
            // The build tag goes first, so the environment's new image is never without its build tag.
            for (TagChange change : plan.changes()) {
                if (change.changed()) {
                    write(change.tag(), manifest);
                }
            }
        }
        return new TagResult(plan, dryRun);
    }

    /** The pipeline's state, derived from the registry alone. */
    public PipelineState state() throws PromotionException {
        Map<Tag, Image> images = registry.imagesOf(chain.tags(), BuildTag::isBuildTag, BuildTagOrder.BUILD_TAGS_NEWEST_FIRST);
        List<EnvironmentState> states = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
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

    private PutResult write(Tag tag, RawManifest manifest) throws PromotionException {
        PutResult put;
        try {
            put = registry.putManifest(tag, manifest);
        } catch (ImmutableTagException e) {
            // The repository forbids moving tags: a policy of the registry, not a failure of it.
            throw new PromotionRefusedException(PromotionRefusedException.Policy.IMMUTABLE_TAG, e.getMessage(), e);
        }
        if (!put.digest().equals(manifest.digest())) {
            throw new RegistryException(RegistryException.Reason.PROTOCOL, "Tried to point " + tag + " at "
                    + manifest.digest() + " in " + registry.repository() + " but failed because the registry reports "
                    + "digest " + put.digest() + " for those bytes; it may have rewritten the manifest");
        }
        return put;
    }

    private InvalidInputException missingSource(PromotionSource source, String action) {
        String why;
        if (source instanceof PromotionSource.FromEnvironment from) {
            why = "environment " + from.environment() + " has no tag in " + registry.repository() + "; nothing is there to promote yet";
        } else if (source instanceof PromotionSource.ByBuildTag byTag) {
            why = "build tag " + byTag.buildTag() + " is not in " + registry.repository();
        } else {
            why = "no image in " + registry.repository() + " has that digest";
        }
        return new InvalidInputException("Tried to " + action + " but failed because " + why);
    }

    private RegistryException digestMismatch(String ref, Digest expected, Digest actual) {
        return new RegistryException(RegistryException.Reason.PROTOCOL, "Tried to read " + ref + " from "
                + registry.repository() + " but failed because the manifest returned hashes to " + actual
                + ", not " + expected);
    }
}
