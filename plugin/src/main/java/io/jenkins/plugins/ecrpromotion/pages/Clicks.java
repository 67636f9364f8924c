package io.jenkins.plugins.ecrpromotion.pages;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.User;
import io.github.ecrpromotion.core.InvalidInputException;
import io.github.ecrpromotion.core.PromotionException;
import io.github.ecrpromotion.core.PromotionRefusedException;
import io.github.ecrpromotion.core.buildtag.BuildTag;
import io.github.ecrpromotion.core.buildtag.BuildTagFormat;
import io.github.ecrpromotion.core.env.Environment;
import io.github.ecrpromotion.core.exec.PromotionExecutor;
import io.github.ecrpromotion.core.exec.PromotionResult;
import io.github.ecrpromotion.core.plan.PromotionRequest;
import io.github.ecrpromotion.core.plan.PromotionSource;
import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.jenkins.plugins.ecrpromotion.EcrPromotionAction;
import io.jenkins.plugins.ecrpromotion.EcrPromotionPermissions;
import io.jenkins.plugins.ecrpromotion.HistoryEntry;
import io.jenkins.plugins.ecrpromotion.ImageRecord;
import io.jenkins.plugins.ecrpromotion.Messages;
import io.jenkins.plugins.ecrpromotion.registry.Failures;
import io.jenkins.plugins.ecrpromotion.registry.RegistryTarget;
import java.util.Optional;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * Every promote and roll-back click, from the build page, the build's ECR Promotion page or the job's Environments
 * page, goes through here: one place for POST only, the "ECR Promotion / Promote" permission on the job, the core's
 * staleness rule, the history entry, and the answer.
 *
 * <p>The answer: a browser click names its page ({@link Origin}) and is sent back there with a 303 redirect; the
 * outcome waits in the session and is shown once (so a reload neither posts again nor repeats the message). A script
 * that names no origin gets the status and the one-line message: 400 invalid, 403 no permission, 409 stale page or
 * refused, 502 registry.
 */
public final class Clicks {
    private Clicks() {
    }

    /**
     * Handles one click on {@code run}'s {@code action}; {@code from} is the origin page's {@link Origin#param()} or
     * null (a script).
     */
    public static HttpResponse handle(StaplerRequest2 req, Run<?, ?> run, EcrPromotionAction action, String repository,
            String environment, String mode, String from) {
        // @RequirePOST already answers 405 in Jenkins; checked again so the rule holds wherever this is called from.
        if (req == null || !"POST".equalsIgnoreCase(req.getMethod())) {
            return HttpResponses.status(405);
        }
        if (run == null || action == null) {
            return HttpResponses.forbidden();
        }
        Origin origin = Origin.parse(from);
        Outcome outcome = run.getParent().hasPermission(EcrPromotionPermissions.PROMOTE)
                ? promote(run, action, repository, environment, mode)
                : new Outcome(403, Messages.Click_NoPermission(currentActor(), run.getParent().getFullDisplayName()));
        if (origin == null) {
            if (outcome.status() == 403) {
                // Jenkins' own answer: an anonymous user is sent to log in, others get 403.
                run.getParent().checkPermission(EcrPromotionPermissions.PROMOTE);
            }
            return outcome.isSuccess() ? HttpResponses.text(outcome.message())
                    : HttpResponses.errorWithoutStack(outcome.status(), outcome.message());
        }
        outcome.flashTo(req.getSession(true));
        return HttpResponses.redirectTo(303, origin.path(req.getContextPath(), run.getUrl(), run.getParent().getUrl()));
    }

    /**
     * Promotes (mode {@code promote}: the predecessor's image into {@code environment}, only while it is still this
     * build's) or rolls back (mode {@code rollback}: {@code environment} to this build's image by its build tag),
     * records a history entry and forgets the cached state. Never throws for a user or registry error.
     */
    static Outcome promote(Run<?, ?> run, EcrPromotionAction action, String repository, String environment,
            String mode) {
        ImageRecord image = repository == null ? null : action.getImage(repository);
        if (image == null) {
            return new Outcome(400, Messages.Click_NoSuchImage(String.valueOf(repository)));
        }
        boolean rollback = BuildPageModel.MODE_ROLLBACK.equals(mode);
        if (!rollback && !BuildPageModel.MODE_PROMOTE.equals(mode)) {
            return new Outcome(400, Messages.Click_UnknownMode(String.valueOf(mode), BuildPageModel.MODE_PROMOTE,
                    BuildPageModel.MODE_ROLLBACK));
        }
        RegistryTarget target;
        try {
            target = LiveStates.connector.resolve(run, image.toParameters());
        } catch (AbortException e) {
            return new Outcome(400, StateCache.oneLine(e.getMessage()));
        }
        Environment env;
        try {
            env = target.chain().require(environment == null ? "" : environment);
        } catch (InvalidInputException e) {
            return new Outcome(400, StateCache.oneLine(Failures.message(e, RegistryConnector.PAGE)));
        }
        String actor = currentActor();
        try (Registry registry = LiveStates.connector.open(target)) {
            // The staleness rule (the predecessor must still hold this build's image) lives in the core, checked on
            // the very bytes it promotes: see PromotionSource.FromEnvironment#expected.
            PromotionResult result = new PromotionExecutor(registry, target.chain())
                    .promote(request(registry, image, env, rollback, target), false);
            String tag = result.buildTag().map(Tag::toString).orElse(Digests.shortForm(result.digest().toString()));
            String word = !result.changed() ? "unchanged" : rollback ? "rolled back" : "promoted";
            action.addHistory(new HistoryEntry(actor, LiveStates.now(), image.getRepository(), env.name(),
                    result.previousBuildTag().map(Tag::toString).orElse(null),
                    result.previousDigest().map(Digest::toString).orElse(null),
                    result.buildTag().map(Tag::toString).orElse(null), result.digest().toString(), word));
            return Outcome.ok(!result.changed() ? Messages.Click_Unchanged(env.name(), tag)
                    : rollback ? Messages.Click_RolledBack(env.name(), tag) : Messages.Click_Promoted(tag, env.name()));
        } catch (AbortException e) {
            return new Outcome(502, target.redact(StateCache.oneLine(e.getMessage())));
        } catch (PromotionException e) {
            String line = target.redact(StateCache.oneLine(Failures.message(e, RegistryConnector.PAGE)));
            action.addHistory(new HistoryEntry(actor, LiveStates.now(), image.getRepository(), env.name(), null, null,
                    image.getBuildTag(), image.getDigest(), HistoryEntry.FAILED + ": " + line));
            return new Outcome(statusOf(e), line);
        } finally {
            // Whatever happened, the next page view reads the registry again.
            LiveStates.forget(image.getRepository());
        }
    }

    /**
     * The core request a button stands for: a rollback names this build's image by build tag (or digest); a promotion
     * takes the predecessor's image only while it is still this build's.
     */
    private static PromotionRequest request(Registry registry, ImageRecord image, Environment env, boolean rollback,
            RegistryTarget target) throws PromotionException {
        if (rollback) {
            Optional<BuildTag> tag = BuildTagFormat.tryParse(image.getBuildTag());
            if (tag.isPresent()) {
                return new PromotionRequest(env, new PromotionSource.ByBuildTag(tag.get()));
            }
            if (image.getDigest() == null) {
                throw new InvalidInputException("Tried to roll " + env + " back to this build but failed because "
                        + "the build recorded neither a build tag nor a digest for " + image.getRepository());
            }
            return new PromotionRequest(env, new PromotionSource.ByDigest(Digest.parse(image.getDigest())));
        }
        Environment pred = target.chain().predecessor(env).orElseThrow(() -> new InvalidInputException(
                "Tried to promote to " + env + " but failed because it is the first environment of "
                        + target.chain() + ", so no environment feeds it"));
        return new PromotionRequest(env, new PromotionSource.FromEnvironment(pred, Optional.of(digestOf(registry, image, pred))));
    }

    /** This build's digest: recorded, or else the one its build tag names (build tags never move). */
    private static Digest digestOf(Registry registry, ImageRecord image, Environment pred) throws PromotionException {
        if (image.getDigest() != null) {
            return Digest.parse(image.getDigest());
        }
        Optional<BuildTag> tag = BuildTagFormat.tryParse(image.getBuildTag());
        if (tag.isPresent()) {
            Optional<Digest> d = registry.resolve(ImageRef.of(tag.get().tag()));
            if (d.isPresent()) {
                return d.get();
            }
        }
        throw new InvalidInputException("Tried to promote " + BuildPageModel.describe(image.getBuildTag(), image.getDigest())
                + " from " + pred + " but failed because the build recorded no digest for " + image.getRepository()
                + " and its build tag names no image there");
    }

    static int statusOf(PromotionException e) {
        if (e instanceof InvalidInputException) {
            return 400;
        }
        if (e instanceof PromotionRefusedException) {
            return 409;
        }
        if (e instanceof RegistryException re && re.reason() == RegistryException.Reason.CONFLICT) {
            return 409;
        }
        return 502; // the registry failed: a bad gateway from the user's point of view
    }

    /** The clicking (or viewing) user's id, or "anonymous"; names the history entry and the STS session. */
    public static String currentActor() {
        User u = User.current();
        return u == null ? "anonymous" : u.getId();
    }
}
