package io.github.ecrpromotion.core;

/** The request is well formed but a policy forbids it; nothing was written (CLI exit 3). */
public class PromotionRefusedException extends PromotionException {
    private static final long serialVersionUID = 1L;

    /** Which policy refused, so front ends can add their own advice. */
    public enum Policy {
        /** The target environment may only take from its predecessor unless an explicit image is named. */
        NOT_FROM_PREDECESSOR,
        /** Moving the tag would leave its current image without any tag. */
        LAST_TAG,
        /** The repository does not allow a tag to move (ECR immutable tags). */
        IMMUTABLE_TAG,
        /** A build tag already names another image; build tags never move. */
        BUILD_TAG_TAKEN,
        /** The image already carries the build tag of another build: an image belongs to one build. */
        IMAGE_OF_ANOTHER_BUILD,
        /** The source environment no longer holds the image the request named (a page rendered before it moved). */
        SOURCE_MOVED
    }

    private final Policy policy;

    public PromotionRefusedException(Policy policy, String message) {
        this(policy, message, null);
    }

    public PromotionRefusedException(Policy policy, String message, Throwable cause) {
        super(message, cause);
        this.policy = policy;
    }

    public Policy policy() {
        return policy;
    }
}
