package io.github.ecrpromotion.core.exec;

import io.github.ecrpromotion.core.plan.PromotionPlan;
import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a promotion did (or, in a dry run, would do). The digest is the one of the bytes written and the build tag
 * the one on that digest. {@code warnings}: tags of other tools the registry skipped, one line each.
 */
public record PromotionResult(PromotionPlan plan, boolean changed, boolean dryRun, List<String> warnings) {
    public PromotionResult {
        warnings = List.copyOf(warnings);
    }

    public PromotionResult(PromotionPlan plan, boolean changed, boolean dryRun) {
        this(plan, changed, dryRun, List.of());
    }

    public String environment() {
        return plan.request().target().name();
    }

    public Digest digest() {
        return plan.digest();
    }

    public Optional<Tag> buildTag() {
        return plan.buildTag();
    }

    public Optional<Digest> previousDigest() {
        return plan.previousDigest();
    }

    public Optional<Tag> previousBuildTag() {
        return plan.previousBuildTag();
    }

    /** Whether the image was named explicitly (rollback or hotfix) instead of taken from the predecessor. */
    public boolean explicit() {
        return plan.explicit();
    }

    /** The fields front ends return, with plain values (null when absent). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("repository", plan.repository().toString());
        m.put("environment", environment());
        m.put("buildTag", buildTag().map(Tag::toString).orElse(null));
        m.put("digest", digest().toString());
        m.put("previousBuildTag", previousBuildTag().map(Tag::toString).orElse(null));
        m.put("previousDigest", previousDigest().map(Digest::toString).orElse(null));
        m.put("changed", changed);
        m.put("explicit", explicit());
        m.put("dryRun", dryRun);
        return m;
    }

    /** One line for a log. */
    public String describe() {
        return (dryRun ? "[dry run] would set " : "") + plan.describe();
    }
}
