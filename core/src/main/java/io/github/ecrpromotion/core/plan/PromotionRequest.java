package io.github.ecrpromotion.core.plan;

import io.github.ecrpromotion.core.env.Environment;
import java.util.Objects;

/** Point the target environment's tag at the image named by the source. */
public record PromotionRequest(Environment target, PromotionSource source) {
    public PromotionRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(source, "source");
    }
}
