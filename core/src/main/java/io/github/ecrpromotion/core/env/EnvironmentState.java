package io.github.ecrpromotion.core.env;

import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.ref.Digest;
import java.util.Optional;

/** What one environment holds now: the digest its tag points at and the build tag on that image, if any. */
public record EnvironmentState(Environment environment, Digest digest, Optional<Tag> buildTag) {
}
