package io.jenkins.plugins.ecrpromotion;

import hudson.model.Api;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import hudson.security.Permission;
import io.jenkins.plugins.ecrpromotion.pages.BuildPageModel;
import io.jenkins.plugins.ecrpromotion.pages.Clicks;
import io.jenkins.plugins.ecrpromotion.pages.JsonAnswer;
import io.jenkins.plugins.ecrpromotion.pages.LiveView;
import io.jenkins.plugins.ecrpromotion.pages.Origin;
import io.jenkins.plugins.ecrpromotion.pages.Outcome;
import io.jenkins.plugins.ecrpromotion.pages.RunPages;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.Stapler;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * The images a build produced and every promotion made from it (by a step or a button), kept in build.xml; shows
 * them on the build page with the live state of each environment and promote / roll back buttons.
 *
 * <p>Its class name is written into every build.xml that has one, so it stays in this package (see package-info);
 * what it shows and does lives in {@code pages}, this class only holds the record and hands requests over.
 */
@ExportedBean
public final class EcrPromotionAction implements RunAction2 {
    private static final Logger LOGGER = Logger.getLogger(EcrPromotionAction.class.getName());
    /** The action's URL below its build: {@code .../job/app/12/ecr-promotion/}. */
    public static final String URL_NAME = "ecr-promotion";

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
    @Exported
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
    @Exported
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

    /** The outcome of the click that sent the viewer here, shown once; null when there is none. */
    public Outcome getOutcome() {
        StaplerRequest2 req = Stapler.getCurrentRequest2();
        return req == null ? null : Outcome.takeFrom(req.getSession(false));
    }

    /**
     * The live state of each recorded image as JSON, for the page script that fills the tables after the page has
     * rendered (the page itself never waits for a registry). Buttons are included only for a viewer who may click them.
     */
    public HttpResponse doState(@QueryParameter String from) {
        Run<?, ?> r = run;
        if (r == null) {
            return HttpResponses.notFound();
        }
        boolean canPromote = r.getParent().hasPermission(EcrPromotionPermissions.PROMOTE);
        Origin origin = Origin.parse(from) == Origin.ACTION ? Origin.ACTION : Origin.BUILD;
        return JsonAnswer.of(LiveView.forBuild(RunPages.summaries(r, this), canPromote, origin));
    }

    /**
     * The promote and roll-back buttons: POST only, with the "ECR Promotion / Promote" permission on the job; see
     * {@link Clicks#handle} for the answer (a redirect back to {@code from} with the outcome, or a status for scripts).
     */
    @RequirePOST
    public HttpResponse doPromote(StaplerRequest2 req, @QueryParameter String repository,
            @QueryParameter String environment, @QueryParameter String mode, @QueryParameter String from) {
        return Clicks.handle(req, run, this, repository, environment, mode, from);
    }

    /** {@code .../ecr-promotion/api/json|xml}: images, history and live state; only for viewers who may read the job. */
    public Api getApi() {
        Run<?, ?> r = run;
        if (r == null) {
            return null;
        }
        r.getParent().checkPermission(Item.READ);
        return new Api(this);
    }

    /** The live state of each recorded image (exported; read like the page, cached and bounded by the timeout). */
    @Exported(name = "environments")
    public List<BuildPageModel> getLiveState() {
        return run == null ? List.of() : RunPages.summaries(run, this);
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
        return Messages.Action_DisplayName();
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
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
