package io.github.ecrpromotion.core.exec;

import io.github.ecrpromotion.core.plan.TagPlan;
import java.util.List;

/** What applying tags did (or, in a dry run, would do); {@code warnings} as in {@link PromotionResult}. */
public record TagResult(TagPlan plan, boolean dryRun, List<String> warnings) {
    public TagResult {
        warnings = List.copyOf(warnings);
    }

    public boolean changed() {
        return plan.changed();
    }

    public List<String> describe() {
        return plan.describe().stream().map(l -> (dryRun ? "[dry run] would set " : "") + l).toList();
    }
}
