package io.jenkins.plugins.ecrpromotion;

import hudson.AbortException;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.User;
import hudson.security.Permission;
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
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * The images a build produced and every promotion made from it (by a step or a button), kept in build.xml; shows
 * them on the build page with the live state of each environment and promote / roll back buttons.
 */
public final class EcrPromotionAction implements RunAction2 {
    private static final Logger LOGGER = Logger.getLogger(EcrPromotionAction.class.getName());
    /** A page view waits at most this long for the registry. */
    static final Duration STATE_TIMEOUT = Duration.ofSeconds(5);
    /** How long a state read serves page views; a promotion from this page clears it at once. */
    static final Duration STATE_TTL = Duration.ofSeconds(30);

    // Seams for tests (package-private, replaced and restored by them): the registry, the clock, the caches.
    static volatile RegistryConnector connector = RegistryConnector.JENKINS;
    static volatile LongSupplier clock = System::currentTimeMillis;
    /**
     * Keyed by the job as well as the recorded settings: credentials are looked up in the job (its folder's store
     * may hold its own credential with a common ID), so two jobs never share an answer.
     */
    static final StateCache<PageKey> STATES = new StateCache<>(STATE_TTL, () -> clock.getAsLong());
    static volatile BuildLinker linker =
            new BuildLinker(new JenkinsJobDirectory(), Duration.ofMinutes(1), () -> clock.getAsLong());

    // Persisted by XStream: lists of plain value objects, never a secret or a registry option.
    private List<ImageRecord> images = new ArrayList<>();
    private List<HistoryEntry> history = new ArrayList<>();

    private transient Run<?, ?> run;

    /** Created by {@link #of(Run)}; XStream restores saved ones without a constructor. */
    EcrPromotionAction() {
    }

    /** The run's action, attached now if it has none; safe when parallel steps of one build call it together. */
    public static EcrPromotionAction of(Run<?, ?> run) {
        // Locking the run is what core does around its own action list changes for one build.
        synchronized (run) {
            EcrPromotionAction action = run.getAction(EcrPromotionAction.class);
            if (action == null) {
                action = new EcrPromotionAction();
                // Set before addAction, which calls onAttached too, so a concurrent save never sees it detached.
                action.run = run;
                run.addAction(action);
            }
            return action;
        }
    }

    /** Records an image of this build; a later record for the same repository replaces the earlier one. */
    public void recordImage(String repository, String buildTag, String digest) {
        recordImage(repository, buildTag, digest, null);
    }

    /**
     * Records the image with the registry settings the step used (credentials ID, region, role, chain; never a
     * secret), so the build page reads and promotes it the same way; null settings mean the global defaults.
     */
    public void recordImage(String repository, String buildTag, String digest, EcrParameters parameters) {
        ImageRecord record = new ImageRecord(repository, buildTag, digest, parameters);
        synchronized (this) {
            List<ImageRecord> next = new ArrayList<>(images());
            next.removeIf(r -> r.getRepository().equals(repository));
            next.add(record);
            images = next;
        }
        save();
    }

    /** Appends a promotion to the history and saves the build, so the entry survives a restart. */
    public void addHistory(HistoryEntry entry) {
        synchronized (this) {
            List<HistoryEntry> next = new ArrayList<>(history());
            next.add(entry);
            history = next;
        }
        save();
    }

    /** The recorded images, one per repository, in recording order. */
    public synchronized List<ImageRecord> getImages() {
        return Collections.unmodifiableList(new ArrayList<>(images()));
    }

    /** The record for a repository, or null. */
    public synchronized ImageRecord getImage(String repository) {
        for (ImageRecord r : images()) {
            if (r.getRepository().equals(repository)) {
                return r;
            }
        }
        return null;
    }

    /** Every promotion made from this build, oldest first. */
    public synchronized List<HistoryEntry> getHistory() {
        return Collections.unmodifiableList(new ArrayList<>(history()));
    }

    /** The build this action belongs to (null only before it is attached). */
    public Run<?, ?> getRun() {
        return run;
    }

    /** The job of this build: the object the promote permission is checked on. */
    public Job<?, ?> getJob() {
        return run == null ? null : run.getParent();
    }

    /** "ECR Promotion / Promote", for {@code l:hasPermission} in the views. */
    public Permission getPromotePermission() {
        return EcrPromotionPermissions.PROMOTE;
    }

    /**
     * What the summary shows for each recorded image, with the live state of its environments (cached briefly, read
     * with a short timeout). Never throws: a failure becomes "state unavailable: reason" in the model.
     */
    public List<BuildPageModel> getSummaries() {
        List<HistoryEntry> h = getHistory();
        List<BuildPageModel> out = new ArrayList<>();
        for (ImageRecord image : getImages()) {
            EcrParameters params = image.toParameters();
            StateCache.LiveState live = STATES.get(PageKey.of(run, params), () -> readState(params));
            out.add(BuildPageModel.of(image, live, h, tag -> linkOf(tag)));
        }
        return out;
    }

    private static Optional<String> linkOf(String buildTag) {
        try {
            return linker.buildUrl(buildTag);
        } catch (RuntimeException e) {
            // A link is a convenience; the page must render without it.
            LOGGER.log(Level.FINE, "Could not look up the build of " + buildTag, e);
            return Optional.empty();
        }
    }

    /** Reads the pipeline state for the summary; every failure becomes a one-line, secret-free reason. */
    StateCache.LiveState readState(EcrParameters params) {
        RegistryTarget target;
        try {
            target = connector.resolve(run, params);
        } catch (AbortException | RuntimeException e) {
            return StateCache.LiveState.unavailable(e.getMessage());
        }
        RegistryTarget quick = new RegistryTarget(target.repository(), target.chain(),
                target.options().toBuilder().timeout(STATE_TIMEOUT).build());
        try (Registry registry = connector.open(quick)) {
            return StateCache.LiveState.of(new PromotionExecutor(registry, quick.chain()).state());
        } catch (AbortException e) {
            return StateCache.LiveState.unavailable(target.redact(e.getMessage()));
        } catch (PromotionException e) {
            return StateCache.LiveState.unavailable(target.redact(Failures.message(e, RegistryConnector.PAGE)));
        } catch (RuntimeException e) {
            // A backend bug must not break the build page; the class name says more than a null message.
            LOGGER.log(Level.FINE, "Could not read the state of " + params.getRepository(), e);
            return StateCache.LiveState.unavailable(target.redact(String.valueOf(e)));
        }
    }

    /**
     * The promote and roll-back buttons: POST only, with the "ECR Promotion / Promote" permission on the job (checked
     * with {@code checkPermission}, so an anonymous user is sent to log in). The click acts for the user: the history
     * entry and the STS role session name carry the user ID; the job's credentials are looked up without tracking.
     * {@code mode=promote} moves the image of the environment before {@code environment} into it, after checking it
     * is still this build's; {@code mode=rollback} points {@code environment} at this build's image by its build tag.
     * Both record a history entry; a core error answers one line (400 invalid, 409 refused, 502 registry).
     */
    @RequirePOST
    public HttpResponse doPromote(StaplerRequest2 req, @QueryParameter String repository,
            @QueryParameter String environment, @QueryParameter String mode) {
        // @RequirePOST already answers 405 in Jenkins; checked again so the rule holds wherever this is called from.
        if (req == null || !"POST".equalsIgnoreCase(req.getMethod())) {
            return HttpResponses.status(405);
        }
        Run<?, ?> r = run;
        if (r == null) {
            return HttpResponses.forbidden();
        }
        // Throws AccessDeniedException: Jenkins sends an anonymous user to log in and answers 403 to others.
        r.getParent().checkPermission(EcrPromotionPermissions.PROMOTE);
        ImageRecord image = repository == null ? null : getImage(repository);
        if (image == null) {
            return HttpResponses.errorWithoutStack(400, "This build recorded no image in the repository '"
                    + repository + "'; use a button on the build page.");
        }
        boolean rollback = BuildPageModel.MODE_ROLLBACK.equals(mode);
        if (!rollback && !BuildPageModel.MODE_PROMOTE.equals(mode)) {
            return HttpResponses.errorWithoutStack(400, "Unknown mode '" + mode + "': it must be "
                    + BuildPageModel.MODE_PROMOTE + " or " + BuildPageModel.MODE_ROLLBACK + ".");
        }
        RegistryTarget target;
        try {
            target = connector.resolve(r, image.toParameters());
        } catch (AbortException e) {
            return HttpResponses.errorWithoutStack(400, StateCache.oneLine(e.getMessage()));
        }
        Environment env;
        try {
            env = target.chain().require(environment == null ? "" : environment);
        } catch (InvalidInputException e) {
            return HttpResponses.errorWithoutStack(400, StateCache.oneLine(Failures.message(e, RegistryConnector.PAGE)));
        }
        String actor = currentActor();
        try (Registry registry = connector.open(target)) {
            // The staleness rule (the predecessor must still hold this build's image) lives in the core, checked on
            // the very bytes it promotes: see PromotionSource.FromEnvironment#expected.
            PromotionResult result = new PromotionExecutor(registry, target.chain())
                    .promote(request(registry, image, env, rollback, target), false);
            addHistory(new HistoryEntry(actor, clock.getAsLong(), image.getRepository(), env.name(),
                    result.previousBuildTag().map(Tag::toString).orElse(null),
                    result.previousDigest().map(Digest::toString).orElse(null),
                    result.buildTag().map(Tag::toString).orElse(null), result.digest().toString(),
                    !result.changed() ? "unchanged" : rollback ? "rolled back" : "promoted"));
            return HttpResponses.redirectTo("..");
        } catch (AbortException e) {
            return HttpResponses.errorWithoutStack(502, target.redact(StateCache.oneLine(e.getMessage())));
        } catch (PromotionException e) {
            String line = target.redact(StateCache.oneLine(Failures.message(e, RegistryConnector.PAGE)));
            addHistory(new HistoryEntry(actor, clock.getAsLong(), image.getRepository(), env.name(), null, null,
                    image.getBuildTag(), image.getDigest(), BuildPageModel.FAILED + ": " + line));
            return HttpResponses.errorWithoutStack(statusOf(e), line);
        } finally {
            // Whatever happened, the next page view reads the registry again.
            STATES.invalidateIf(k -> image.getRepository().equals(k.params().getRepository()));
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
        Environment pred = predecessor(env, target);
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
        throw new InvalidInputException("Tried to promote " + describe(image) + " from " + pred + " but failed because "
                + "the build recorded no digest for " + image.getRepository() + " and its build tag names no image there");
    }

    private static Environment predecessor(Environment env, RegistryTarget target) throws InvalidInputException {
        return target.chain().predecessor(env).orElseThrow(() -> new InvalidInputException(
                "Tried to promote to " + env + " but failed because it is the first environment of "
                        + target.chain() + ", so no environment feeds it"));
    }

    private static String describe(ImageRecord image) {
        return image.getBuildTag() != null ? image.getBuildTag() : image.getDigest();
    }

    private static int statusOf(PromotionException e) {
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

    /**
     * What the page's state cache is keyed by: the job (full name) and the recorded registry settings. Never a secret.
     */
    record PageKey(String job, EcrParameters params) {
        static PageKey of(Run<?, ?> run, EcrParameters params) {
            return new PageKey(run == null || run.getParent() == null ? null : run.getParent().getFullName(), params);
        }
    }

    /** The clicking (or viewing) user's id, or "anonymous"; names the history entry and the STS session. */
    static String currentActor() {
        User u = User.current();
        return u == null ? "anonymous" : u.getId();
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public String getIconFileName() {
        return "symbol-tag";
    }

    @Override
    public String getDisplayName() {
        return "ECR Promotion";
    }

    @Override
    public String getUrlName() {
        return "ecr-promotion";
    }

    // build.xml written by an older version may lack a list: XStream then leaves the field null.
    private List<ImageRecord> images() {
        return images == null ? List.of() : images;
    }

    private List<HistoryEntry> history() {
        return history == null ? List.of() : history;
    }

    private void save() {
        Run<?, ?> r = run;
        if (r == null) {
            return;
        }
        try {
            r.save();
        } catch (IOException e) {
            // The promotion itself happened in the registry; losing the record must not fail the build.
            LOGGER.log(Level.WARNING, "Could not save the ECR promotion record of " + r, e);
        }
    }
}
