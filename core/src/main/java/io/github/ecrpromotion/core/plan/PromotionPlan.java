package io.github.ecrpromotion.core.plan;

import io.github.ecrpromotion.core.plan.PromotionPolicy.Admission;
import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.RawManifest;
import java.util.Optional;

/**
 * A checked promotion, ready to write (or to print in a dry run): which manifest goes under which tag, why the
 * chain allows it, and the build tag of exactly those bytes.
 */
public record PromotionPlan(Repository repository, PromotionRequest request, Admission admission, RawManifest manifest,
                            Optional<Tag> buildTag, TagChange change) {

    public Digest digest() {
        return manifest.digest();
    }

    public boolean changed() {
        return change.changed();
    }

    /** Whether the image was named explicitly (rollback or hotfix) rather than taken from the predecessor. */
    public boolean explicit() {
        return admission.explicit();
    }

    public Optional<Digest> previousDigest() {
        return change.before();
    }

    public Optional<Tag> previousBuildTag() {
        return change.beforeBuildTag();
    }

    /** One line: what moves, from what, to what. */
    public String describe() {
        String how = explicit() ? " (explicit " + request.source() + ")" : " (from " + request.source() + ")";
        return change.describe(buildTag) + how + admission.explicitNote();
    }
}
