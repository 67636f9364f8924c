package io.github.ecrpromotion.core.plan;

import io.github.ecrpromotion.core.buildtag.BuildTag;
import io.github.ecrpromotion.core.env.Environment;
import io.github.ecrpromotion.core.ref.ImageRef;
import java.util.Objects;
import java.util.Optional;

/** Put this build tag, and optionally an environment tag, on the image the source names (just pushed). */
public record TagRequest(ImageRef source, BuildTag buildTag, Optional<Environment> environment) {
    public TagRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(buildTag, "buildTag");
        Objects.requireNonNull(environment, "environment");
    }
}
