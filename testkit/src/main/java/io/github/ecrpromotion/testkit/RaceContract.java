package io.github.ecrpromotion.testkit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.buildtag.BuildTag;
import io.github.ecrpromotion.core.env.Environment;
import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.exec.PromotionExecutor;
import io.github.ecrpromotion.core.exec.PromotionResult;
import io.github.ecrpromotion.core.exec.RecoveryTag;
import io.github.ecrpromotion.core.exec.RepositoryLocks;
import io.github.ecrpromotion.core.exec.TagResult;
import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.plan.PromotionRequest;
import io.github.ecrpromotion.core.plan.PromotionSource;
import io.github.ecrpromotion.core.plan.TagRequest;
import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.core.registry.RegistryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Test;

/**
 * Two runs racing on one repository, made certain without sleeping: each run stands for a separate process (its own
 * registry object, its own {@link RepositoryLocks}, its own way in where the test holds its requests) and the test
 * holds one run's write or read until the other run has written, then releases it. Run against every backend; the
 * promises checked: no false report (a run that lost says so, naming the digests), no build tag on two images, no
 * image left without a tag.
 */
public abstract class RaceContract {
    protected static final String B10 = "2016.08.24T17.13.38Z.5ad95f2-ecs-demo-10";
    protected static final String B11 = "2016.08.24T17.20.02Z.6be0a13-ecs-demo-11";
    protected static final String B12 = "2016.08.25T09.01.44Z.7cf1b24-ecs-demo-12";
    private static final long WAIT_SECONDS = 60;

    /** One run, standing for a separate process, on the repository of the current test. */
    protected interface Run extends AutoCloseable {
        Registry registry();

        /** Holds this run's next write of the tag before the registry sees it. */
        Gate holdWrite(Tag tag);

        /** Holds this run's next read naming the tag (a manifest HEAD or GET; ECR: a call with that imageTag). */
        Gate holdRead(Tag tag);

        /** From now on, this run's writes are acknowledged by its way in and never reach the registry. */
        void acknowledgeWritesWithoutStoring();

        @Override
        void close();
    }

    /** A held request. */
    protected interface Gate {
        /** Waits until the run's request is held (fails the test after a minute). */
        void awaitArrived() throws InterruptedException;

        void release();
    }

    /** A hold at a {@link RegistryFront} as a gate of this suite. */
    protected static Gate gate(RegistryFront.Hold hold) {
        return new Gate() {
            @Override
            public void awaitArrived() throws InterruptedException {
                hold.awaitArrived(java.time.Duration.ofSeconds(WAIT_SECONDS));
            }

            @Override
            public void release() {
                hold.release();
            }
        };
    }

    /** Starts a fresh, empty repository for the test; runs and seeds then use it. */
    protected abstract void newRepository() throws Exception;

    /** A new run on the current repository. */
    protected abstract Run newRun() throws Exception;

    /** Stores an image under a tag by the backend's own means (not through the port). */
    protected abstract void seed(SyntheticImage image, String tag) throws Exception;

    /** Whether an image that lost its last tag can still be read by digest (moto deletes it; ECR and the rest keep it). */
    protected boolean keepsUntaggedImages() {
        return true;
    }

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<Run> runs = new ArrayList<>();
    private Run reader;

    private Run run() throws Exception {
        if (runs.isEmpty()) {
            newRepository();
        }
        Run r = newRun();
        runs.add(r);
        return r;
    }

    @After
    public final void closeRuns() {
        runs.forEach(Run::close);
        pool.shutdownNow();
    }

    private Optional<Digest> at(String tag) throws Exception {
        return reader.registry().resolve(ImageRef.of(Tag.of(tag)));
    }

    private static PromotionExecutor exec(Run run) {
        // Separate locks: the runs stand for separate processes, which nothing serializes.
        return new PromotionExecutor(run.registry(), EnvironmentChain.DEFAULT, new RepositoryLocks());
    }

    private <T> Future<T> async(Callable<T> call) {
        return pool.submit(call);
    }

    private static <T> T get(Future<T> f) throws Exception {
        return f.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static RegistryException failure(Future<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertTrue(String.valueOf(e.getCause()), e.getCause() instanceof RegistryException);
        return (RegistryException) e.getCause();
    }

    private static void contains(String text, Object... parts) {
        for (Object p : parts) {
            assertTrue(text + "\n  should name " + p, text.contains(p.toString()));
        }
    }

    @Test
    public void twoTagRunsGiveOneBuildTagToTwoImages_theOverwrittenRunFailsNamingBothDigests() throws Exception {
        Run a = run();
        Run b = run();
        reader = run();
        SyntheticImage x = SyntheticImage.dockerV2("image of run a");
        SyntheticImage y = SyntheticImage.dockerV2("image of run b");
        seed(x, "candidate-a");
        seed(y, "candidate-b");
        Tag t = Tag.of(B12);
        Gate aWrite = a.holdWrite(t);
        Future<TagResult> fa = async(() -> exec(a).applyTags(new TagRequest(ImageRef.of(Tag.of("candidate-a")),
                BuildTag.parse(B12), Optional.empty()), false));
        aWrite.awaitArrived();
        Gate bWrite = b.holdWrite(t);
        Future<TagResult> fb = async(() -> exec(b).applyTags(new TagRequest(ImageRef.of(Tag.of("candidate-b")),
                BuildTag.parse(B12), Optional.empty()), false));
        bWrite.awaitArrived();
        // Both checked that the build tag is free. A's write lands; its read-back waits until B's write was tried.
        Gate aReadBack = a.holdRead(t);
        aWrite.release();
        aReadBack.awaitArrived();
        bWrite.release();
        Outcome<TagResult> ob = outcome(fb);
        aReadBack.release();
        Outcome<TagResult> oa = outcome(fa);
        // Exactly one run wins and says so; the other fails naming both images. Which one depends on the backend: with
        // a conditional write (the layout, in memory) B's write is refused; without one (the distribution API, ECR)
        // B overwrites and A's read-back finds out.
        assertTrue("one run must fail: a=" + oa + " b=" + ob, oa.failed() != ob.failed());
        Outcome<TagResult> lost = oa.failed() ? oa : ob;
        SyntheticImage winner = oa.failed() ? y : x;
        assertEquals(lost.failure().getMessage(), RegistryException.Reason.CONFLICT, lost.failure().reason());
        contains(lost.failure().getMessage(), x.manifest().digest(), y.manifest().digest(), "another run");
        assertEquals(Optional.of(winner.manifest().digest()), at(B12));
        assertEquals(Optional.of(x.manifest().digest()), at("candidate-a"));
        assertEquals(Optional.of(y.manifest().digest()), at("candidate-b"));
    }

    @Test
    public void twoRunsOfOneBuildTagTwoImagesWithDifferentTimes_theLaterRunFailsNamingBoth() throws Exception {
        // A retried CI build: same job, number and commit, another time part, so another tag string.
        Run a = run();
        Run b = run();
        reader = run();
        SyntheticImage x = SyntheticImage.dockerV2("build 13, first try");
        SyntheticImage y = SyntheticImage.dockerV2("build 13, retried");
        seed(x, "candidate-a");
        seed(y, "candidate-b");
        BuildTag first = BuildTag.parse("2016.08.25T09.00.00Z.7cf1b24-ecs-demo-13");
        BuildTag retried = BuildTag.parse("2016.08.25T09.00.07Z.7cf1b24-ecs-demo-13");
        RegistryException e = bothCheckedThenAFinishesFirst(a, new TagRequest(ImageRef.of(Tag.of("candidate-a")), first,
                Optional.empty()), b, new TagRequest(ImageRef.of(Tag.of("candidate-b")), retried, Optional.empty()));
        assertEquals(e.getMessage(), RegistryException.Reason.CONFLICT, e.reason());
        contains(e.getMessage(), x.manifest().digest(), y.manifest().digest(), first.tag(), "two images");
    }

    @Test
    public void twoBuildsTagOneImageAtOnce_theLaterRunFailsNamingTheOtherBuild() throws Exception {
        Run a = run();
        Run b = run();
        reader = run();
        SyntheticImage s = SyntheticImage.dockerV2("one image, two builds");
        seed(s, "candidate");
        BuildTag jobA = BuildTag.parse("2016.08.25T09.00.00Z.7cf1b24-job-a-5");
        BuildTag jobB = BuildTag.parse("2016.08.25T09.00.00Z.7cf1b24-job-b-5");
        RegistryException e = bothCheckedThenAFinishesFirst(a, new TagRequest(ImageRef.of(Tag.of("candidate")), jobA,
                Optional.empty()), b, new TagRequest(ImageRef.of(Tag.of("candidate")), jobB, Optional.empty()));
        assertEquals(e.getMessage(), RegistryException.Reason.CONFLICT, e.reason());
        contains(e.getMessage(), s.manifest().digest(), jobA.tag(), "another build");
    }

    /**
     * Both tag runs check with their build-tag writes held; A's write is released and A finishes (it must succeed),
     * then B's write lands. Returns the failure B must report.
     */
    private RegistryException bothCheckedThenAFinishesFirst(Run a, TagRequest ra, Run b, TagRequest rb) throws Exception {
        Gate aWrite = a.holdWrite(ra.buildTag().tag());
        Future<TagResult> fa = async(() -> exec(a).applyTags(ra, false));
        aWrite.awaitArrived();
        Gate bWrite = b.holdWrite(rb.buildTag().tag());
        Future<TagResult> fb = async(() -> exec(b).applyTags(rb, false));
        bWrite.awaitArrived();
        aWrite.release();
        assertTrue(get(fa).changed());
        bWrite.release();
        return failure(fb);
    }

    /** How a run ended: its result, or the registry failure it reported. */
    private record Outcome<T>(T result, RegistryException failure) {
        boolean failed() {
            return failure != null;
        }
    }

    private static <T> Outcome<T> outcome(Future<T> f) throws Exception {
        try {
            return new Outcome<>(f.get(WAIT_SECONDS, TimeUnit.SECONDS), null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RegistryException re) {
                return new Outcome<>(null, re);
            }
            throw e;
        }
    }

    @Test
    public void twoRunsMoveTheLastTwoTagsOfOneImage_theRunThatLeftItUntaggedKeepsItAndFails() throws Exception {
        Run one = run();
        Run two = run();
        reader = run();
        SyntheticImage z = SyntheticImage.dockerV2("image z, tagged only testing and staging");
        SyntheticImage b10 = SyntheticImage.dockerV2("build 10");
        seed(b10, B10);
        seed(z, "testing");
        seed(z, "staging");
        Gate oneWrite = one.holdWrite(Tag.of("testing"));
        Future<PromotionResult> f1 = async(() -> exec(one).promote(new PromotionRequest(Environment.of("testing"),
                new PromotionSource.ByBuildTag(BuildTag.parse(B10))), false));
        oneWrite.awaitArrived();
        Gate twoWrite = two.holdWrite(Tag.of("staging"));
        Future<PromotionResult> f2 = async(() -> exec(two).promote(new PromotionRequest(Environment.of("staging"),
                new PromotionSource.ByBuildTag(BuildTag.parse(B10))), false));
        twoWrite.awaitArrived();
        // Each guard saw z keep the other tag. One's write lands and checks: z still has staging.
        oneWrite.release();
        assertTrue(get(f1).changed());
        twoWrite.release();
        RegistryException e = failure(f2);
        assertEquals(e.getMessage(), RegistryException.Reason.CONFLICT, e.reason());
        Tag keep = RecoveryTag.of(z.manifest().digest());
        contains(e.getMessage(), z.manifest().digest(), keep);
        assertEquals(Optional.of(b10.manifest().digest()), at("testing"));
        assertEquals(Optional.of(b10.manifest().digest()), at("staging"));
        if (keepsUntaggedImages()) {
            contains(e.getMessage(), "put the recovery tag");
            assertEquals(Optional.of(z.manifest().digest()), at(keep.value()));
        } else {
            contains(e.getMessage(), "no longer serves it");
        }
    }

    @Test
    public void promotionWhileTheSourceMovesBetweenItsReads_reportsTheBuildOfTheBytesItWrote() throws Exception {
        Run one = run();
        reader = run();
        SyntheticImage b11 = SyntheticImage.dockerV2("build 11");
        SyntheticImage b12 = SyntheticImage.dockerV2("build 12");
        seed(b11, B11);
        seed(b11, "testing");
        seed(b12, B12);
        Gate manifestRead = one.holdRead(Tag.of("testing"));
        Future<PromotionResult> f = async(() -> exec(one).promote(new PromotionRequest(Environment.of("staging"),
                new PromotionSource.FromEnvironment(Environment.of("testing"))), false));
        manifestRead.awaitArrived();
        Gate lookup = one.holdRead(Tag.of("testing"));
        manifestRead.release();
        lookup.awaitArrived();
        // Between the run's read of testing's manifest and its look-up of testing's image, testing moves to build 12.
        seed(b12, "testing");
        lookup.release();
        PromotionResult r = get(f);
        assertEquals(b11.manifest().digest(), r.digest());
        assertEquals(Optional.of(Tag.of(B11)), r.buildTag());
        assertEquals(Optional.of(b11.manifest().digest()), at("staging"));
    }

    @Test
    public void aWriteTheRegistryAcknowledgesButDoesNotStore_isAFailureNotAPromotion() throws Exception {
        Run one = run();
        reader = run();
        SyntheticImage b11 = SyntheticImage.dockerV2("build 11");
        seed(b11, B11);
        seed(b11, "testing");
        one.acknowledgeWritesWithoutStoring();
        RegistryException e = assertThrows(RegistryException.class, () -> exec(one).promote(new PromotionRequest(
                Environment.of("staging"), new PromotionSource.FromEnvironment(Environment.of("testing"))), false));
        assertEquals(e.getMessage(), RegistryException.Reason.CONFLICT, e.reason());
        contains(e.getMessage(), "did not store", b11.manifest().digest());
        assertEquals(Optional.empty(), at("staging"));
    }
}
