package io.github.ecrpromotion.core.plan;

import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.Tag;
import java.util.Optional;

/**
 * One tag write: the tag, the image it pointed at before (and that image's build tag), the image it will point at,
 * and whether that is a change.
 */
public record TagChange(Tag tag, Optional<Digest> before, Optional<Tag> beforeBuildTag, Digest after, boolean changed) {

    /** One line for logs: {@code staging: build-11 (sha256:749a1f13eff5) -> sha256:c79b3e5b3459}. */
    public String describe(Optional<Tag> afterBuildTag) {
        String from = before.map(d -> beforeBuildTag.map(b -> b + " (" + d.shortForm() + ")").orElse(d.shortForm()))
                .orElse("(no tag)");
        String to = afterBuildTag.map(b -> b + " (" + after.shortForm() + ")").orElse(after.shortForm());
        return tag + ": " + (changed ? from + " -> " + to : "unchanged at " + to);
    }
}
