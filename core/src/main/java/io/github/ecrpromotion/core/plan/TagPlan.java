package io.github.ecrpromotion.core.plan;

import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.RawManifest;
import java.util.List;
import java.util.Optional;

/** A checked plan to put a build tag (and optionally an environment tag) on an existing image. */
public record TagPlan(Repository repository, ImageRef source, RawManifest manifest, Tag buildTag, List<TagChange> changes) {
    public TagPlan {
        changes = List.copyOf(changes);
    }

    public boolean changed() {
        return changes.stream().anyMatch(TagChange::changed);
    }

    /** One line a tag. */
    public List<String> describe() {
        return changes.stream().map(c -> c.describe(Optional.of(buildTag))).toList();
    }
}
