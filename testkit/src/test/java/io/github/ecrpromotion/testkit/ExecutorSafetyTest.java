package io.github.ecrpromotion.testkit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.PromotionRefusedException;
import io.github.ecrpromotion.core.PromotionRefusedException.Policy;
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
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.core.registry.RegistryException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Before;
import org.junit.Test;

/**
 * The three promises on the in-memory registry, with its put hooks standing for another run at a chosen moment:
 * every path passes the one chain policy, re-tagging a build is a no-op, what a run reports is what it wrote, and
 * the read-back after each write catches lost races, unstored writes and images left untagged.
 */
public class ExecutorSafetyTest {
    private static final String B10 = "2016.08.24T17.13.38Z.5ad95f2-ecs-demo-10";
    private static final String B11 = "2016.08.24T17.20.02Z.6be0a13-ecs-demo-11";
    private static final String B12 = "2016.08.25T09.01.44Z.7cf1b24-ecs-demo-12";
    private final RawManifest m10 = SyntheticImage.dockerV2("10").manifest();
    private final RawManifest m11 = SyntheticImage.dockerV2("11").manifest();
    private final RawManifest m12 = SyntheticImage.ociManifest("12").manifest();
    private InMemoryRegistry registry;

    @Before
    public void setUp() {
        registry = new InMemoryRegistry();
        registry.seed(B10, m10).seed(B11, m11).seed("production", m10).seed("staging", m11).seed("testing", m11);
        registry.seed("candidate-12", m12);
    }

    private PromotionExecutor exec() {
        return new PromotionExecutor(registry, EnvironmentChain.DEFAULT);
    }

    private Optional<Digest> at(String tag) {
        return registry.resolve(ImageRef.of(Tag.of(tag)));
    }

    private static TagRequest tag(String source, String buildTag, String env) throws Exception {
        return new TagRequest(ImageRef.parse(source), BuildTag.parse(buildTag),
                Optional.ofNullable(env).map(Environment::of));
    }

    // 1. One policy for every verb

    @Test
    public void tag_environmentBeyondTheFirstFromAMutableTag_isRefusedAndWritesNothing() throws Exception {
        for (String source : List.of("testing", "candidate-12")) {
            registry.resetCalls();
            PromotionRefusedException e = assertThrows(source, PromotionRefusedException.class,
                    () -> exec().applyTags(tag(source, B12, "production"), false));
            assertEquals(Policy.NOT_FROM_PREDECESSOR, e.policy());
            assertEquals(source, 0, registry.calls("putManifest"));
        }
        assertEquals(Optional.of(m10.digest()), at("production"));
        assertEquals(Optional.empty(), at(B12));
    }

    @Test
    public void tag_environmentBeyondTheFirstByDigest_isExplicitAndReportedAsTo() throws Exception {
        TagResult r = exec().applyTags(tag(m12.digest().toString(), B12, "production"), false);
        assertTrue(r.plan().explicit());
        assertEquals(Optional.of(m12.digest()), at("production"));
        String line = r.describe().get(1);
        assertTrue(line, line.endsWith("; named explicitly, not taken from the predecessor staging (rollback or hotfix)"));
        PromotionResult to = exec().promote(new PromotionRequest(Environment.of("production"),
                new PromotionSource.ByBuildTag(BuildTag.parse(B10))), false);
        assertTrue(to.describe(), to.describe().endsWith("; named explicitly, not taken from the predecessor staging "
                + "(rollback or hotfix)"));
    }

    @Test
    public void tag_firstEnvironmentFromAnUploadTag_isANewBuildNotExplicit() throws Exception {
        TagResult r = exec().applyTags(tag("candidate-12", B12, "testing"), false);
        assertFalse(r.plan().explicit());
        assertEquals(Optional.of(m12.digest()), at("testing"));
        assertEquals(Optional.of(m12.digest()), at(B12));
    }

    // Re-running a build's tagging

    @Test
    public void tag_reRunWithoutTime_isUnchangedAndKeepsTheFirstBuildTag() throws Exception {
        BuildTag first = BuildTag.generate(Instant.parse("2016-08-25T09:01:44Z"), "7cf1b24", "ecs-demo", 12);
        BuildTag again = BuildTag.generate(Instant.parse("2016-08-25T10:30:00Z"), "7cf1b24", "ecs-demo", 12);
        TagRequest r1 = new TagRequest(ImageRef.of(Tag.of("candidate-12")), first, Optional.of(Environment.of("testing")));
        TagRequest r2 = new TagRequest(ImageRef.of(Tag.of("candidate-12")), again, Optional.of(Environment.of("testing")));
        assertTrue(exec().applyTags(r1, false).changed());
        registry.resetCalls();
        TagResult second = exec().applyTags(r2, false);
        assertFalse(second.changed());
        assertEquals(first.tag(), second.plan().buildTag());
        assertEquals(0, registry.calls("putManifest"));
        assertEquals(Optional.empty(), at(again.toString()));
        assertTrue(second.describe().toString(), second.describe().get(0).contains("unchanged at " + first));
    }

    @Test
    public void tag_sameBuildOnAnotherImage_isRefusedNamingBothDigests() throws Exception {
        BuildTag other = BuildTag.generate(Instant.parse("2016-08-25T10:30:00Z"), "6be0a13", "ecs-demo", 11);
        TagRequest r = new TagRequest(ImageRef.of(Tag.of("candidate-12")), other, Optional.empty());
        PromotionRefusedException e = assertThrows(PromotionRefusedException.class, () -> exec().applyTags(r, false));
        assertEquals(Policy.BUILD_TAG_TAKEN, e.policy());
        assertTrue(e.getMessage(), e.getMessage().contains(m11.digest().toString()));
        assertTrue(e.getMessage(), e.getMessage().contains(m12.digest().toString()));
        assertEquals(Optional.empty(), at(other.toString()));
    }

    @Test
    public void tag_anImageThatIsAlreadyAnotherBuild_isRefusedAndStateKeepsReportingThatBuild() throws Exception {
        // The review's input: `tag --source staging --git-sha 0000000 --job hotfix-job --build 1 --env production`
        // gave build 11's image a second identity, and state then reported "hotfix-job-1" for staging.
        BuildTag hotfix = BuildTag.generate(Instant.parse("2030-01-01T00:00:00Z"), "0000000", "hotfix-job", 1);
        for (String source : List.of("staging", m11.digest().toString(), B11)) {
            registry.resetCalls();
            PromotionRefusedException e = assertThrows(source, PromotionRefusedException.class, () -> exec().applyTags(
                    new TagRequest(ImageRef.parse(source), hotfix, Optional.of(Environment.of("production"))), false));
            assertEquals(Policy.IMAGE_OF_ANOTHER_BUILD, e.policy());
            assertTrue(e.getMessage(), e.getMessage().contains(B11));
            assertEquals(0, registry.calls("putManifest"));
        }
        assertEquals(Optional.of(Tag.of(B11)), exec().state().get(Environment.of("staging")).orElseThrow().buildTag());
    }

    @Test
    public void promote_whenTheTargetMovedSinceThisRunLooked_writesNothingWhereTheRegistryCanCheck() throws Exception {
        // Another run moves production between this run's look-up and its write: the conditional write refuses.
        registry.beforePut((t, m) -> {
            if (t.value().equals("production")) {
                registry.beforePut((t2, m2) -> { });
                registry.seed("other", m12).move("production", m12.digest());
            }
        });
        RegistryException e = assertThrows(RegistryException.class, () -> exec().promote(new PromotionRequest(
                Environment.of("production"), new PromotionSource.FromEnvironment(Environment.of("staging"))), false));
        assertEquals(RegistryException.Reason.CONFLICT, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("nothing was written"));
        assertEquals(Optional.of(m12.digest()), at("production"));
    }

    // What a run reports is what it wrote

    @Test
    public void promote_whenTheSourceMovesBetweenReads_reportsTheBuildTagOfTheBytesWritten() throws Exception {
        registry.seed(B12, m12);
        // Another run moves testing to build 12 right after this run read testing's manifest (build 11).
        InMemoryRegistry moving = registry;
        var racing = new DelegatingRegistry(registry) {
            @Override
            public Optional<RawManifest> getManifest(ImageRef ref) {
                Optional<RawManifest> m = moving.getManifest(ref);
                moving.move("testing", m12.digest());
                return m;
            }
        };
        registry.seed("production", m10).move("staging", m10.digest());
        PromotionResult r = new PromotionExecutor(racing, EnvironmentChain.DEFAULT).promote(new PromotionRequest(
                Environment.of("staging"), new PromotionSource.FromEnvironment(Environment.of("testing"))), false);
        assertEquals(m11.digest(), r.digest());
        assertEquals(Optional.of(Tag.of(B11)), r.buildTag());
        assertEquals(Optional.of(m11.digest()), at("staging"));
    }

    // Read-back after every write

    @Test
    public void promote_whenTheRegistryAcknowledgesAWriteItDoesNotStore_failsAndSaysSo() throws Exception {
        registry.acknowledgeWithoutStoring(true);
        RegistryException e = assertThrows(RegistryException.class, () -> exec().promote(new PromotionRequest(
                Environment.of("production"), new PromotionSource.FromEnvironment(Environment.of("staging"))), false));
        assertEquals(RegistryException.Reason.CONFLICT, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains(m10.digest().toString()));
        assertTrue(e.getMessage(), e.getMessage().contains(m11.digest().toString()));
    }

    @Test
    public void tag_whenTheRegistryAcknowledgesAWriteItDoesNotStore_failsBeforeTheEnvironment() throws Exception {
        registry.acknowledgeWithoutStoring(true);
        RegistryException e = assertThrows(RegistryException.class,
                () -> exec().applyTags(tag("candidate-12", B12, "testing"), false));
        assertEquals(RegistryException.Reason.CONFLICT, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("did not store"));
        assertEquals(1, registry.calls("putManifest"));
    }

    @Test
    public void tag_twoRunsGiveOneBuildTagToTwoImages_theRunWhoseWriteWasOverwrittenFails() throws Exception {
        registry.seed("candidate-13", m10);
        RepositoryLocks otherProcess = new RepositoryLocks();
        // Both runs checked that B12 is free; this run's write lands first, the other's right after, then we read back.
        registry.afterPut((t, m) -> {
            if (t.value().equals(B12) && m.digest().equals(m12.digest())) {
                registry.afterPut((t2, m2) -> { });
                registry.move(B12, m10.digest());
            }
        });
        RegistryException e = assertThrows(RegistryException.class,
                () -> new PromotionExecutor(registry, EnvironmentChain.DEFAULT, otherProcess)
                        .applyTags(tag("candidate-12", B12, null), false));
        assertEquals(RegistryException.Reason.CONFLICT, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("another run"));
        assertTrue(e.getMessage(), e.getMessage().contains(m10.digest().toString()));
        assertTrue(e.getMessage(), e.getMessage().contains(m12.digest().toString()));
        assertEquals(Optional.of(m10.digest()), at(B12));
    }

    @Test
    public void promote_twoRunsTakeTheLastTwoTagsOfOneImage_theRunThatSeesItOrphanedPutsTheRecoveryTag() throws Exception {
        // Z holds only testing and staging; one run moves testing, the other staging, both to build 10 by build tag.
        RawManifest z = SyntheticImage.dockerV2("z").manifest();
        registry.seed("testing", z).seed("staging", z);
        RepositoryLocks otherProcess = new RepositoryLocks();
        AtomicReference<PromotionResult> other = new AtomicReference<>();
        AtomicReference<Exception> otherFailed = new AtomicReference<>();
        registry.beforePut((t, m) -> {
            if (t.value().equals("testing")) {
                registry.beforePut((t2, m2) -> { });
                // The other run checks and writes staging while this run's write of testing is in flight.
                try {
                    other.set(new PromotionExecutor(registry, EnvironmentChain.DEFAULT, otherProcess).promote(
                            new PromotionRequest(Environment.of("staging"),
                                    new PromotionSource.ByBuildTag(BuildTag.parse(B10))), false));
                } catch (Exception ex) {
                    otherFailed.set(ex);
                }
            }
        });
        RegistryException e = assertThrows(RegistryException.class, () -> exec().promote(new PromotionRequest(
                Environment.of("testing"), new PromotionSource.ByBuildTag(BuildTag.parse(B10))), false));
        assertEquals(null, otherFailed.get());
        assertTrue(other.get().changed());
        Tag keep = RecoveryTag.of(z.digest());
        assertEquals(RegistryException.Reason.CONFLICT, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains(keep.value()));
        assertTrue(e.getMessage(), e.getMessage().contains(z.digest().toString()));
        assertEquals(Optional.of(z.digest()), at(keep.value()));
        assertEquals(Optional.of(m10.digest()), at("testing"));
        assertEquals(Optional.of(m10.digest()), at("staging"));
        assertTrue(keep.value(), keep.value().startsWith(RecoveryTag.PREFIX + "sha256-"));
    }

    // A missing repository

    @Test
    public void everyVerb_onAMissingRepository_isNotFound() throws Exception {
        registry.missing(true);
        List<ThrowingRunnable> verbs = List.of(
                () -> exec().state(),
                () -> exec().promote(new PromotionRequest(Environment.of("staging"),
                        new PromotionSource.FromEnvironment(Environment.of("testing"))), false),
                () -> exec().promote(new PromotionRequest(Environment.of("staging"),
                        new PromotionSource.ByBuildTag(BuildTag.parse(B11))), false),
                () -> exec().applyTags(tag("candidate-12", B12, "testing"), false));
        for (ThrowingRunnable verb : verbs) {
            RegistryException e = assertThrows(RegistryException.class, verb::run);
            assertEquals(RegistryException.Reason.NOT_FOUND, e.reason());
            assertTrue(e.getMessage(), e.getMessage().contains("repository was not found"));
        }
        assertEquals(0, registry.calls("putManifest"));
    }

    @Test
    public void state_ofAnExistingRepositoryWithoutEnvironmentTags_isEmpty() throws Exception {
        InMemoryRegistry bare = new InMemoryRegistry().seed(B10, m10);
        assertEquals(Map.of(), new PromotionExecutor(bare, EnvironmentChain.DEFAULT).state().asMap());
    }

    @Test
    public void warningsOfTheBackend_reachStateAndPromotionResults() throws Exception {
        registry.warn("skipped the tag 'x' of another tool");
        assertTrue(exec().state().warnings().contains("skipped the tag 'x' of another tool"));
        registry.warn("skipped the tag 'y' of another tool");
        PromotionResult r = exec().promote(new PromotionRequest(Environment.of("production"),
                new PromotionSource.FromEnvironment(Environment.of("staging"))), false);
        assertEquals(List.of("skipped the tag 'y' of another tool"), r.warnings());
    }

    // Runs of one process take turns per repository

    @Test
    public void promotionsInOneProcess_toOneRepository_areSerialized() throws Exception {
        registry.seed(B12, m12).move("testing", m12.digest());
        CountDownLatch inPut = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        registry.beforePut((t, m) -> {
            if (t.value().equals("staging")) {
                registry.beforePut((t2, m2) -> { });
                inPut.countDown();
                assertTrue(release.await(30, TimeUnit.SECONDS));
            }
        });
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread first = new Thread(() -> run(failure, () -> exec().promote(new PromotionRequest(Environment.of("staging"),
                new PromotionSource.FromEnvironment(Environment.of("testing"))), false)));
        first.start();
        assertTrue(inPut.await(30, TimeUnit.SECONDS));
        int readsBefore = registry.calls("getManifest");
        Thread second = new Thread(() -> run(failure, () -> exec().promote(new PromotionRequest(
                Environment.of("production"), new PromotionSource.FromEnvironment(Environment.of("staging"))), false)));
        second.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (second.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(Thread.State.WAITING, second.getState());
        assertEquals("the second run waits for the first before reading anything", readsBefore, registry.calls("getManifest"));
        release.countDown();
        first.join();
        second.join();
        assertEquals(null, failure.get());
        // The second run read staging after the first wrote it: production gets build 12, not build 11.
        assertEquals(Optional.of(m12.digest()), at("production"));
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static void run(AtomicReference<Exception> failure, ThrowingRunnable r) {
        try {
            r.run();
        } catch (Exception e) {
            failure.compareAndSet(null, e);
        }
    }
}
