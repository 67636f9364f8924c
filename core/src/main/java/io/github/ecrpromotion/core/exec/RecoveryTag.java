package io.github.ecrpromotion.core.exec;

import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.Tag;

/**
 * The tag a run puts on an image that one of its writes left without any tag (two runs raced, each guard passed):
 * {@code keep-sha256-<64 hex>}. It names only that image, so writing it never moves a tag another run set, and
 * it keeps registry garbage collection and ECR lifecycle rules for untagged images away from it. Remove it once
 * the image has another tag again (or keep it, if the image should stay).
 */
public final class RecoveryTag {
    /** The prefix every recovery tag starts with (an ECR lifecycle rule may exclude it). */
    public static final String PREFIX = "keep-";

    private RecoveryTag() {
    }

    /** {@code keep-sha256-<hex>} for this image. */
    public static Tag of(Digest digest) {
        return Tag.of(PREFIX + digest.toString().replace(':', '-'));
    }
}
