package io.github.ecrpromotion.testkit;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.PromotionRefusedException;
import io.github.ecrpromotion.core.buildtag.BuildTag;
import io.github.ecrpromotion.core.buildtag.BuildTagOrder;
import io.github.ecrpromotion.core.env.Environment;
import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.exec.PromotionExecutor;
import io.github.ecrpromotion.core.exec.PromotionResult;
import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.plan.PromotionRequest;
import io.github.ecrpromotion.core.plan.PromotionSource;
import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.Image;
import io.github.ecrpromotion.core.registry.PutResult;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.core.exec.TagResult;
import io.github.ecrpromotion.core.plan.TagRequest;
import io.github.ecrpromotion.core.registry.RegistryException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * What every backend must do, run against each one: the in-memory registry, the on-disk layout, a real
 * docker-registry and a real moto server. A subclass opens a registry on a fresh, empty repository and seeds images
 * by the backend's own means (blob uploads, files, PutImage), never through the port under test.
 */
public abstract class RegistryContract {
    protected static final String B10 = "2016.08.24T17.13.38Z.5ad95f2-ecs-demo-10";
    protected static final String B11 = "2016.08.24T17.20.02Z.6be0a13-ecs-demo-11";
    protected static final String B12 = "2016.08.25T09.01.44Z.7cf1b24-ecs-demo-12";

    protected Registry registry;

    /** A registry for a fresh repository with no tags. */
    protected abstract Registry newRegistry() throws Exception;

    /** A registry for a repository that does not exist: never created, never pushed to. */
    protected abstract Registry missingRepository() throws Exception;

    /** Stores the image (blobs first, then the manifest) under the tag, without using the port. */
    protected abstract void seed(SyntheticImage image, String tag) throws Exception;

    @Before
    public final void openRegistry() throws Exception {
        registry = newRegistry();
    }

    @After
    public final void closeRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    private static ImageRef tag(String t) {
        return ImageRef.of(Tag.of(t));
    }

    @Test
    public void resolve_whenTagAbsent_isEmpty() throws Exception {
        seed(SyntheticImage.dockerV2("one"), B10);
        assertTrue(registry.resolve(tag("nope")).isEmpty());
        assertTrue(registry.getManifest(tag("nope")).isEmpty());
    }

    @Test
    public void resolve_whenDigestAbsent_isEmpty() throws Exception {
        seed(SyntheticImage.dockerV2("one"), B10);
        Digest absent = Digest.sha256("absent".getBytes());
        assertTrue(registry.resolve(ImageRef.of(absent)).isEmpty());
        assertTrue(registry.getManifest(ImageRef.of(absent)).isEmpty());
    }

    @Test
    public void getManifest_byTagAndByDigest_returnsExactBytes() throws Exception {
        SyntheticImage image = SyntheticImage.dockerV2("bytes");
        seed(image, B10);
        RawManifest byTag = registry.getManifest(tag(B10)).orElseThrow();
        assertArrayEquals(image.manifest().bytes(), byTag.bytes());
        assertEquals(image.manifest().mediaType(), byTag.mediaType());
        assertEquals(image.manifest().digest(), registry.resolve(tag(B10)).orElseThrow());
        RawManifest byDigest = registry.getManifest(ImageRef.of(image.manifest().digest())).orElseThrow();
        assertArrayEquals(image.manifest().bytes(), byDigest.bytes());
    }

    @Test
    public void retag_dockerV2Manifest_isByteExact() throws Exception {
        assertByteExactRetag(SyntheticImage.dockerV2("docker v2.2"));
    }

    @Test
    public void retag_ociManifest_isByteExact() throws Exception {
        assertByteExactRetag(SyntheticImage.ociManifest("oci manifest"));
    }

    @Test
    public void retag_ociIndex_isByteExact() throws Exception {
        assertByteExactRetag(SyntheticImage.ociIndex("oci index"));
    }

    @Test
    public void retag_dockerManifestList_isByteExact() throws Exception {
        assertByteExactRetag(SyntheticImage.dockerManifestList("manifest list"));
    }

    private void assertByteExactRetag(SyntheticImage image) throws Exception {
        seed(image, B10);
        RawManifest read = registry.getManifest(tag(B10)).orElseThrow();
        PutResult put = registry.putManifest(Tag.of("testing"), read);
        assertTrue(put.changed());
        assertEquals(image.manifest().digest(), put.digest());
        RawManifest again = registry.getManifest(tag("testing")).orElseThrow();
        assertArrayEquals(image.manifest().bytes(), again.bytes());
        assertEquals(image.manifest().mediaType(), again.mediaType());
        assertEquals(image.manifest().digest(), registry.resolve(tag("testing")).orElseThrow());
        assertEquals(registry.resolve(tag(B10)), registry.resolve(tag("testing")));
    }

    @Test
    public void putManifest_whenTagAlreadyThere_reportsUnchanged() throws Exception {
        SyntheticImage image = SyntheticImage.dockerV2("same");
        seed(image, B10);
        RawManifest m = registry.getManifest(tag(B10)).orElseThrow();
        assertTrue(registry.putManifest(Tag.of("testing"), m).changed());
        PutResult again = registry.putManifest(Tag.of("testing"), m);
        assertFalse(again.changed());
        assertEquals(image.manifest().digest(), again.digest());
    }

    @Test
    public void putManifest_movingATag_leavesTheOldImageUnderItsBuildTag() throws Exception {
        SyntheticImage a = SyntheticImage.dockerV2("a");
        SyntheticImage b = SyntheticImage.dockerV2("b");
        seed(a, B10);
        seed(b, B11);
        registry.putManifest(Tag.of("testing"), registry.getManifest(tag(B10)).orElseThrow());
        PutResult moved = registry.putManifest(Tag.of("testing"), registry.getManifest(tag(B11)).orElseThrow());
        assertTrue(moved.changed());
        assertEquals(b.manifest().digest(), registry.resolve(tag("testing")).orElseThrow());
        assertEquals(a.manifest().digest(), registry.resolve(tag(B10)).orElseThrow());
    }

    @Test
    public void listTags_returnsEveryTag() throws Exception {
        seed(SyntheticImage.dockerV2("a"), B10);
        seed(SyntheticImage.dockerV2("b"), B11);
        seed(SyntheticImage.dockerV2("b"), "testing");
        assertEquals(Set.of(Tag.of(B10), Tag.of(B11), Tag.of("testing")), new HashSet<>(registry.listTags()));
    }

    @Test
    public void tagsOf_returnsEveryTagOnTheImage() throws Exception {
        SyntheticImage b = SyntheticImage.dockerV2("b");
        seed(SyntheticImage.dockerV2("a"), B10);
        seed(b, B11);
        seed(b, "staging");
        seed(b, "testing");
        assertEquals(Set.of(Tag.of(B11), Tag.of("staging"), Tag.of("testing")), registry.tagsOf(b.manifest().digest()));
    }

    @Test
    public void imagesOf_findsTheBuildTagOnEachEnvironmentsImage() throws Exception {
        SyntheticImage a = SyntheticImage.dockerV2("a");
        SyntheticImage b = SyntheticImage.dockerV2("b");
        seed(a, B10);
        seed(a, "production");
        seed(b, B11);
        seed(b, "testing");
        seed(b, "staging");
        Map<Tag, Image> images = registry.imagesOf(List.of(Tag.of("testing"), Tag.of("staging"), Tag.of("production"),
                Tag.of("absent")), BuildTag::isBuildTag, BuildTagOrder.BUILD_TAGS_NEWEST_FIRST);
        assertEquals(Set.of(Tag.of("testing"), Tag.of("staging"), Tag.of("production")), images.keySet());
        assertEquals(b.manifest().digest(), images.get(Tag.of("testing")).digest());
        assertEquals(List.of(Tag.of(B11)), images.get(Tag.of("staging")).tags());
        assertEquals(List.of(Tag.of(B10)), images.get(Tag.of("production")).tags());
    }

    @Test
    public void executor_playsTheDesignsStory() throws Exception {
        seed(SyntheticImage.dockerV2("build 10"), B10);
        seed(SyntheticImage.dockerV2("build 11"), B11);
        seed(SyntheticImage.ociManifest("build 12"), B12);
        PromotionExecutor exec = new PromotionExecutor(registry, EnvironmentChain.DEFAULT);
        promote(exec, "testing", new PromotionSource.ByBuildTag(BuildTag.parse(B11)));
        promote(exec, "staging", from("testing"));
        promote(exec, "production", new PromotionSource.ByBuildTag(BuildTag.parse(B10)));
        assertEquals(Map.of("testing", B11, "staging", B11, "production", B10), exec.state().asMap());

        promote(exec, "testing", new PromotionSource.ByBuildTag(BuildTag.parse(B12)));
        PromotionResult toProd = promote(exec, "production", from("staging"));
        assertTrue(toProd.changed());
        assertEquals(Tag.of(B10), toProd.previousBuildTag().orElseThrow());
        PromotionResult toStaging = promote(exec, "staging", from("testing"));
        assertEquals(Tag.of(B12), toStaging.buildTag().orElseThrow());
        assertEquals(List.of("testing", "staging", "production"), List.copyOf(exec.state().asMap().keySet()));
        assertEquals(Map.of("testing", B12, "staging", B12, "production", B11), exec.state().asMap());

        PromotionResult again = promote(exec, "staging", from("testing"));
        assertFalse(again.changed());
    }

    @Test
    public void executor_refusesToMoveTheLastTagOffAnImage() throws Exception {
        SyntheticImage lonely = SyntheticImage.dockerV2("lonely");
        seed(lonely, "staging");
        seed(SyntheticImage.dockerV2("build 11"), B11);
        seed(SyntheticImage.dockerV2("build 11"), "testing");
        PromotionExecutor exec = new PromotionExecutor(registry, EnvironmentChain.DEFAULT);
        PromotionRefusedException e = assertThrows(PromotionRefusedException.class,
                () -> exec.promote(new PromotionRequest(Environment.of("staging"), from("testing")), false));
        assertEquals(PromotionRefusedException.Policy.LAST_TAG, e.policy());
        assertTrue(e.getMessage(), e.getMessage().contains(lonely.manifest().digest().toString()));
        assertEquals(lonely.manifest().digest(), registry.resolve(tag("staging")).orElseThrow());
    }

    private static PromotionSource from(String env) {
        return new PromotionSource.FromEnvironment(Environment.of(env));
    }

    private static PromotionResult promote(PromotionExecutor exec, String env, PromotionSource source) throws Exception {
        return exec.promote(new PromotionRequest(Environment.of(env), source), false);
    }

    // The safety rules, on every backend (issue "Safety rules that hold on every path")

    @Test
    public void executor_onAMissingRepository_everyVerbSaysRepositoryNotFound() throws Exception {
        try (Registry missing = missingRepository()) {
            PromotionExecutor exec = new PromotionExecutor(missing, EnvironmentChain.DEFAULT);
            List<ThrowingRunnable> verbs = List.of(exec::state,
                    () -> exec.promote(new PromotionRequest(Environment.of("staging"), from("testing")), false),
                    () -> exec.applyTags(new TagRequest(ImageRef.of(Tag.of("candidate")), BuildTag.parse(B12),
                            Optional.of(Environment.of("testing"))), false));
            for (ThrowingRunnable verb : verbs) {
                RegistryException e = assertThrows(RegistryException.class, verb::run);
                assertEquals(e.getMessage(), RegistryException.Reason.NOT_FOUND, e.reason());
                assertTrue(e.getMessage(), e.getMessage().contains("not found"));
            }
        }
    }

    @Test
    public void executor_stateOfARepositoryWithoutEnvironmentTags_isEmpty() throws Exception {
        seed(SyntheticImage.dockerV2("a"), B10);
        assertEquals(Map.of(), new PromotionExecutor(registry, EnvironmentChain.DEFAULT).state().asMap());
    }

    @Test
    public void executor_tagIntoALaterEnvironmentFromAMutableTag_isRefusedAndWritesNothing() throws Exception {
        seed(SyntheticImage.dockerV2("b"), "candidate");
        seed(SyntheticImage.dockerV2("b"), "testing");
        PromotionExecutor exec = new PromotionExecutor(registry, EnvironmentChain.DEFAULT);
        for (String source : List.of("candidate", "testing")) {
            PromotionRefusedException e = assertThrows(PromotionRefusedException.class, () -> exec.applyTags(
                    new TagRequest(ImageRef.of(Tag.of(source)), BuildTag.parse(B12), Optional.of(Environment.of("production"))),
                    false));
            assertEquals(PromotionRefusedException.Policy.NOT_FROM_PREDECESSOR, e.policy());
        }
        assertTrue(registry.resolve(tag(B12)).isEmpty());
        assertTrue(registry.resolve(tag("production")).isEmpty());
    }

    @Test
    public void executor_reTaggingABuild_isUnchangedAndTheSameBuildOnAnotherImageIsRefused() throws Exception {
        SyntheticImage pushed = SyntheticImage.dockerV2("build 13");
        SyntheticImage rebuilt = SyntheticImage.dockerV2("build 13, rebuilt");
        seed(pushed, "candidate");
        seed(rebuilt, "candidate-b");
        PromotionExecutor exec = new PromotionExecutor(registry, EnvironmentChain.DEFAULT);
        BuildTag first = BuildTag.generate(Instant.parse("2016-08-25T09:00:00Z"), "7cf1b24", "ecs-demo", 13);
        BuildTag later = BuildTag.generate(Instant.parse("2016-08-25T09:30:00Z"), "7cf1b24", "ecs-demo", 13);
        assertTrue(exec.applyTags(new TagRequest(tag("candidate"), first, Optional.of(Environment.of("testing"))), false).changed());
        TagResult again = exec.applyTags(new TagRequest(tag("candidate"), later, Optional.of(Environment.of("testing"))), false);
        assertFalse(again.changed());
        assertEquals(first.tag(), again.plan().buildTag());
        assertTrue(registry.resolve(ImageRef.of(later.tag())).isEmpty());
        PromotionRefusedException e = assertThrows(PromotionRefusedException.class,
                () -> exec.applyTags(new TagRequest(tag("candidate-b"), later, Optional.empty()), false));
        assertEquals(PromotionRefusedException.Policy.BUILD_TAG_TAKEN, e.policy());
        assertTrue(e.getMessage(), e.getMessage().contains(pushed.manifest().digest().toString()));
        assertTrue(e.getMessage(), e.getMessage().contains(rebuilt.manifest().digest().toString()));
        assertEquals(pushed.manifest().digest(), registry.resolve(ImageRef.of(first.tag())).orElseThrow());
    }

    @Test
    public void executor_tagAnImageThatAlreadyIsAnotherBuild_isRefusedAndWritesNothing() throws Exception {
        SyntheticImage b11 = SyntheticImage.dockerV2("build 11");
        seed(b11, B11);
        seed(b11, "staging");
        BuildTag hotfix = BuildTag.generate(Instant.parse("2030-01-01T00:00:00Z"), "0000000", "hotfix-job", 1);
        PromotionExecutor exec = new PromotionExecutor(registry, EnvironmentChain.DEFAULT);
        PromotionRefusedException e = assertThrows(PromotionRefusedException.class, () -> exec.applyTags(
                new TagRequest(tag("staging"), hotfix, Optional.of(Environment.of("production"))), false));
        assertEquals(PromotionRefusedException.Policy.IMAGE_OF_ANOTHER_BUILD, e.policy());
        assertTrue(registry.resolve(ImageRef.of(hotfix.tag())).isEmpty());
        assertTrue(registry.resolve(tag("production")).isEmpty());
        assertEquals(Map.of("staging", B11), exec.state().asMap());
    }

    /** A call that may throw anything, for assertThrows over a list of verbs. */
    protected interface ThrowingRunnable {
        void run() throws Exception;
    }
}
