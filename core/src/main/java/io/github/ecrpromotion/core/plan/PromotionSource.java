package io.github.ecrpromotion.core.plan;

import io.github.ecrpromotion.core.buildtag.BuildTag;
import io.github.ecrpromotion.core.env.Environment;
import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.ImageRef;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an environment takes its image from: its predecessor environment, a build just pushed, or an image named
 * explicitly by build tag or digest. {@link PromotionPolicy} decides which sources a target environment accepts.
 */
public sealed interface PromotionSource {

    /** The registry reference that reads the source manifest. */
    ImageRef ref();

    /**
     * The image now in another environment. With {@code expected}, only while that environment still holds this
     * digest (a build page's button promises one build's image; the environment may have moved since the page
     * was rendered).
     */
    record FromEnvironment(Environment environment, Optional<Digest> expected) implements PromotionSource {
        public FromEnvironment {
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(expected, "expected");
        }

        /** Whatever image the environment holds when the promotion reads it. */
        public FromEnvironment(Environment environment) {
            this(environment, Optional.empty());
        }

        @Override
        public ImageRef ref() {
            return ImageRef.of(environment.tag());
        }

        @Override
        public String toString() {
            return "the image in " + environment;
        }
    }

    /**
     * The image a build just pushed, named by the tag or digest it was pushed under: what {@code promote tag} and
     * {@code ecrBuildTag} put a build tag (and possibly an environment tag) on.
     */
    record NewBuild(ImageRef ref) implements PromotionSource {
        public NewBuild {
            Objects.requireNonNull(ref, "ref");
        }

        @Override
        public String toString() {
            return "the image pushed as " + ref;
        }
    }

    /** The image with this build tag, exactly as typed. */
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
