package io.github.ecrpromotion.core.plan;

import io.github.ecrpromotion.core.plan.PromotionPolicy.Admission;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.RawManifest;
import java.util.List;
import java.util.Optional;

/**
 * A checked plan to put a build tag (and optionally an environment tag) on a pushed image. {@code buildTag} is the
 * tag the image ends up with: the requested one, or the build's existing tag when the build was tagged before.
 * {@code admission} says how the chain allows the environment tag, when one is asked for.
 */
public record TagPlan(Repository repository, ImageRef source, RawManifest manifest, Tag buildTag, List<TagChange> changes,
                      Optional<Admission> admission) {
    public TagPlan {
        changes = List.copyOf(changes);
    }

    public boolean changed() {
        return changes.stream().anyMatch(TagChange::changed);
    }

    /** Whether the environment tag goes on an image named explicitly (rollback or hotfix), not a new build. */
    public boolean explicit() {
        return admission.map(Admission::explicit).orElse(false);
    }

    /** One line a tag. */
    public List<String> describe() {
        return changes.stream().map(c -> c.describe(Optional.of(buildTag)) + (explicit() && !c.tag().equals(buildTag)
                ? " (explicit " + source + ")" + admission.orElseThrow().explicitNote() : "")).toList();
    }
}
