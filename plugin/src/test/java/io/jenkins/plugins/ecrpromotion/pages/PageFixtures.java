package io.jenkins.plugins.ecrpromotion.pages;

import io.jenkins.plugins.ecrpromotion.ImageRecord;

import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.env.PipelineState;
import io.github.ecrpromotion.core.exec.PromotionExecutor;
import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.testkit.InMemoryRegistry;

/** Two builds of one repository in an in-memory registry, for the build-page tests. */
public final class PageFixtures {
    public static final String REPO = "registry.example.com/demo/app";
    public static final String TAG_11 = "2026.11.25T14.03.12Z.5ad95f2-ecs-demo-11";
    public static final String TAG_12 = "2026.11.26T09.00.00Z.abcdef1-ecs-demo-12";
    public static final RawManifest IMAGE_11 = SyntheticImage.dockerV2("build 11").manifest();
    public static final RawManifest IMAGE_12 = SyntheticImage.dockerV2("build 12").manifest();
    public static final String DIGEST_11 = IMAGE_11.digest().toString();
    public static final String DIGEST_12 = IMAGE_12.digest().toString();

    private PageFixtures() {
    }

    /** Both builds pushed with their build tags; no environment yet. */
    public static InMemoryRegistry registry() {
        return new InMemoryRegistry(Repository.of(REPO)).seed(TAG_11, IMAGE_11).seed(TAG_12, IMAGE_12);
    }

    public static ImageRecord record11() {
        return new ImageRecord(REPO, TAG_11, DIGEST_11);
    }

    public static StateCache.LiveState live(InMemoryRegistry registry) throws Exception {
        PipelineState state = new PromotionExecutor(registry, EnvironmentChain.DEFAULT).state();
        return StateCache.LiveState.of(state);
    }
}
