package io.jenkins.plugins.ecrpromotion.pages;

import hudson.AbortException;
import hudson.model.Job;
import hudson.model.Run;
import io.github.ecrpromotion.core.PromotionException;
import io.github.ecrpromotion.core.exec.PromotionExecutor;
import io.github.ecrpromotion.core.registry.Registry;
import io.jenkins.plugins.ecrpromotion.EcrParameters;
import io.jenkins.plugins.ecrpromotion.ImageRecord;
import io.jenkins.plugins.ecrpromotion.registry.Failures;
import io.jenkins.plugins.ecrpromotion.registry.RegistryTarget;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live state of a recorded image's environments, as every page reads it: cached per job and registry settings,
 * read with the configured timeout (so a failure names the real one), every failure a one-line, secret-free reason.
 * Pages never call this while rendering: their script fetches it after load, so a slow registry never delays a page.
 * Badges only {@link #peek} at the last answer and never reach the registry.
 */
final class LiveStates {
    private static final Logger LOGGER = Logger.getLogger(LiveStates.class.getName());
    /** How long a state read serves page views; a promotion from a page clears it at once. */
    static final Duration STATE_TTL = Duration.ofSeconds(30);
    /** How long badges keep showing the last answer read by any page. */
    static final Duration BADGE_KEEP = Duration.ofHours(1);

    // Seams for tests (package-private, replaced and restored by them): the registry, the clock, the caches.
    static volatile RegistryConnector connector = RegistryConnector.JENKINS;
    static volatile LongSupplier clock = System::currentTimeMillis;
    /**
     * Keyed by the job as well as the recorded settings: credentials are looked up in the job (its folder's store
     * may hold its own credential with a common ID), so two jobs never share an answer.
     */
    static final StateCache<PageKey> STATES = new StateCache<>(STATE_TTL, BADGE_KEEP, StateCache.DEFAULT_MAX_ENTRIES,
            () -> clock.getAsLong());
    static volatile BuildLinker linker =
            new BuildLinker(new JenkinsJobDirectory(), Duration.ofMinutes(1), () -> clock.getAsLong());

    private LiveStates() {
    }

    /** The state of {@code image}'s environments as {@code run} (a build of the job that recorded it) reaches them. */
    static StateCache.LiveState read(Run<?, ?> run, ImageRecord image) {
        EcrParameters params = image.toParameters();
        return STATES.get(PageKey.of(run, params), () -> readState(run, params));
    }

    /** The last answer read for this image by any page (even a stale one), without reaching the registry. */
    static Optional<StateCache.LiveState> peek(Run<?, ?> run, ImageRecord image) {
        return STATES.peek(PageKey.of(run, image.toParameters()));
    }

    /** Forgets every answer about {@code repository}: after a click, the next view reads the registry again. */
    static void forget(String repository) {
        STATES.invalidateIf(k -> repository.equals(k.params().getRepository()));
    }

    /** The page time source. */
    static long now() {
        return clock.getAsLong();
    }

    /** The URL of the build a build tag names (relative to the Jenkins root), if the viewer may see it. */
    static Optional<String> linkOf(String buildTag) {
        try {
            return linker.buildUrl(buildTag);
        } catch (RuntimeException e) {
            // A link is a convenience; the page must render without it.
            LOGGER.log(Level.FINE, "Could not look up the build of " + buildTag, e);
            return Optional.empty();
        }
    }

    /** Reads the pipeline state; every failure becomes a one-line, secret-free reason. */
    static StateCache.LiveState readState(Run<?, ?> run, EcrParameters params) {
        RegistryTarget target;
        try {
            target = connector.resolve(run, params);
        } catch (AbortException | RuntimeException e) {
            return StateCache.LiveState.unavailable(e.getMessage());
        }
        // The configured timeout, not a shorter one of the page's own: the page no longer waits, and the reason
        // then names the timeout an administrator set.
        try (Registry registry = connector.open(target)) {
            return StateCache.LiveState.of(new PromotionExecutor(registry, target.chain()).state());
        } catch (AbortException e) {
            return StateCache.LiveState.unavailable(target.redact(e.getMessage()));
        } catch (PromotionException e) {
            return StateCache.LiveState.unavailable(target.redact(Failures.message(e, RegistryConnector.PAGE)));
        } catch (RuntimeException e) {
            // A backend bug must not break the page; the class name says more than a null message.
            LOGGER.log(Level.FINE, "Could not read the state of " + params.getRepository(), e);
            return StateCache.LiveState.unavailable(target.redact(String.valueOf(e)));
        }
    }

    /** What the state cache is keyed by: the job (full name) and the recorded registry settings. Never a secret. */
    record PageKey(String job, EcrParameters params) {
        static PageKey of(Run<?, ?> run, EcrParameters params) {
            Job<?, ?> job = run == null ? null : run.getParent();
            return new PageKey(job == null ? null : job.getFullName(), params);
        }
    }
}
