package io.github.ecrpromotion.core.plan;

import io.github.ecrpromotion.core.buildtag.BuildTag;
import io.github.ecrpromotion.core.env.Environment;
import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.ImageRef;

/** Where a promotion takes its image from: another environment, or an explicitly named build tag or digest. */
public sealed interface PromotionSource {

    /** The registry reference that reads the source manifest. */
    ImageRef ref();

    /** Whether the image is named explicitly (rollback or hotfix) rather than taken from an environment. */
    default boolean explicit() {
        return !(this instanceof FromEnvironment);
    }

    /** The image now in another environment. */
    record FromEnvironment(Environment environment) implements PromotionSource {
        @Override
        public ImageRef ref() {
            return ImageRef.of(environment.tag());
        }

        @Override
        public String toString() {
            return "the image in " + environment;
        }
    }

    /** The image with this build tag. */
    record ByBuildTag(BuildTag buildTag) implements PromotionSource {
        @Override
        public ImageRef ref() {
            return ImageRef.of(buildTag.tag());
        }

        @Override
        public String toString() {
            return "build tag " + buildTag;
        }
    }

    /** The image with this digest. */
    record ByDigest(Digest digest) implements PromotionSource {
        @Override
        public ImageRef ref() {
            return ImageRef.of(digest);
        }

        @Override
        public String toString() {
            return "digest " + digest;
        }
    }
}
