package io.github.ecrpromotion.oci.layout;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.testkit.GatedRegistry;
import io.github.ecrpromotion.testkit.RaceContract;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The race suite on an on-disk OCI layout: each run opens the layout on its own (as a separate process would) and is
 * held at the port; index.json rewrites stay under the layout's file lock.
 */
public class LayoutRaceTest extends RaceContract {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private OciLayout layout;

    @Override
    protected void newRepository() throws Exception {
        layout = OciLayout.create(tmp.newFolder("layout").toPath());
    }

    @Override
    protected Run newRun() {
        return new GatedRegistry(layout.registry()).asRun();
    }

    @Override
    protected void seed(SyntheticImage image, String tag) throws Exception {
        layout.push(image, Tag.of(tag));
    }

    @Test
    public void manyRacingTagPairs_neverGiveOneBuildTagToTwoImages() throws Exception {
        // The review's input without any delay: pairs of runs (each its own layout object and locks, as two processes)
        // tag two images with one build tag at the same moment. The check and the write are one step under the lock.
        newRepository();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 20; i++) {
                SyntheticImage a = SyntheticImage.dockerV2("pair " + i + " a");
                SyntheticImage b = SyntheticImage.dockerV2("pair " + i + " b");
                layout.push(a, Tag.of("a-" + i));
                layout.push(b, Tag.of("b-" + i));
                io.github.ecrpromotion.core.buildtag.BuildTag t = io.github.ecrpromotion.core.buildtag.BuildTag.parse(
                        "2016.08.24T17.13.38Z.5ad95f2-lrace-" + i);
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                java.util.List<java.util.concurrent.Future<Boolean>> runs = new java.util.ArrayList<>();
                for (String source : java.util.List.of("a-" + i, "b-" + i)) {
                    runs.add(pool.submit(() -> {
                        go.await();
                        try (var r = layout.registry()) {
                            new io.github.ecrpromotion.core.exec.PromotionExecutor(r,
                                    io.github.ecrpromotion.core.env.EnvironmentChain.DEFAULT,
                                    new io.github.ecrpromotion.core.exec.RepositoryLocks()).applyTags(
                                    new io.github.ecrpromotion.core.plan.TagRequest(
                                            io.github.ecrpromotion.core.ref.ImageRef.of(Tag.of(source)), t,
                                            java.util.Optional.empty()), false);
                            return true;
                        } catch (io.github.ecrpromotion.core.PromotionException lost) {
                            return false;
                        }
                    }));
                }
                go.countDown();
                int succeeded = 0;
                for (var f : runs) {
                    succeeded += f.get(60, java.util.concurrent.TimeUnit.SECONDS) ? 1 : 0;
                }
                org.junit.Assert.assertEquals("pair " + i + ": exactly one run may report the build tag as its own", 1, succeeded);
                try (var r = layout.registry()) {
                    var named = r.resolve(io.github.ecrpromotion.core.ref.ImageRef.of(t.tag())).orElseThrow();
                    org.junit.Assert.assertTrue(named.equals(a.manifest().digest()) || named.equals(b.manifest().digest()));
                    org.junit.Assert.assertFalse(r.tagsOf(a.manifest().digest()).isEmpty());
                    org.junit.Assert.assertFalse(r.tagsOf(b.manifest().digest()).isEmpty());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
