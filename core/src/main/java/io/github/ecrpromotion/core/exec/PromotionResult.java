package io.github.ecrpromotion.core.exec;

import io.github.ecrpromotion.core.plan.PromotionPlan;
import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What a promotion did (or, in a dry run, would do). */
public record PromotionResult(PromotionPlan plan, boolean changed, boolean dryRun) {

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
        return plan.request().source().explicit();
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
        return m;
    }

    /** One line for a log. */
    public String describe() {
        return (dryRun ? "[dry run] would set " : "") + plan.describe();
    }
}
