package io.github.ecrpromotion.cli;

import io.github.ecrpromotion.core.exec.TagResult;
import io.github.ecrpromotion.core.plan.TagChange;
import io.github.ecrpromotion.core.plan.TagPlan;
import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code --output json} fields of {@code tag}: the same names as {@code to} (core's PromotionResult.toMap()),
 * for the environment tag when one was asked for, plus one entry a tag written.
 */
final class ResultMaps {
    private ResultMaps() {
    }

    static Map<String, Object> of(TagResult result, Optional<String> environment) {
        TagPlan plan = result.plan();
        Optional<TagChange> main = plan.changes().stream()
                .filter(c -> environment.map(e -> c.tag().value().equals(e)).orElse(c.tag().equals(plan.buildTag())))
                .findFirst();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("repository", plan.repository().toString());
        m.put("environment", environment.orElse(null));
        m.put("buildTag", plan.buildTag().toString());
        m.put("digest", plan.manifest().digest().toString());
        m.put("previousBuildTag", main.flatMap(TagChange::beforeBuildTag).map(Tag::toString).orElse(null));
        m.put("previousDigest", main.flatMap(TagChange::before).map(Digest::toString).orElse(null));
        m.put("changed", result.changed());
        m.put("explicit", plan.explicit());
        m.put("dryRun", result.dryRun());
        List<Object> tags = new ArrayList<>();
        for (TagChange c : plan.changes()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("tag", c.tag().toString());
            t.put("buildTag", plan.buildTag().toString());
            t.put("digest", c.after().toString());
            t.put("previousBuildTag", c.beforeBuildTag().map(Tag::toString).orElse(null));
            t.put("previousDigest", c.before().map(Digest::toString).orElse(null));
            t.put("changed", c.changed());
            tags.add(t);
        }
        m.put("tags", tags);
        return m;
    }
}
