package io.jenkins.plugins.ecrpromotion.pages;

import hudson.model.Api;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.ecrpromotion.EcrPromotionAction;
import io.jenkins.plugins.ecrpromotion.EcrPromotionPermissions;
import io.jenkins.plugins.ecrpromotion.ImageRecord;
import io.jenkins.plugins.ecrpromotion.Messages;
import java.util.List;
import hudson.model.Action;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.Stapler;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * A job's "Environments" page ({@code .../job/app/ecr-environments/}): what runs where for every repository the
 * job's builds recorded, with the build pages' promote and roll-back buttons. Added by
 * {@link EnvironmentsActionFactory}; thin: the rows come from {@link EnvironmentsPageModel}, clicks go through
 * {@link Clicks} like the build page's.
 */
@ExportedBean
public final class EnvironmentsAction implements Action {
    /** The page's URL below its job. */
    public static final String URL_NAME = "ecr-environments";

    private final Job<?, ?> job;

    public EnvironmentsAction(Job<?, ?> job) {
        this.job = job;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    /** The repositories, from the builds' records only: the page shows them at once, the state follows. */
    public List<String> getRepositoryNames() {
        return EnvironmentsPageModel.repositories(JobBuilds.of(job, JobBuilds.MAX_BUILDS));
    }

    /** The live model (reads the registry through the cache, bounded by the configured timeout). */
    public EnvironmentsPageModel model() {
        return EnvironmentsPageModel.of(JobBuilds.of(job, JobBuilds.MAX_BUILDS), this::read, LiveStates::linkOf);
    }

    private StateCache.LiveState read(EnvironmentsPageModel.BuildRecord build, ImageRecord image) {
        Run<?, ?> run = job.getBuildByNumber(build.number());
        return run == null ? StateCache.LiveState.unavailable(Messages.Environments_BuildGone(String.valueOf(build.number())))
                : LiveStates.read(run, image);
    }

    /** Each repository's environments (exported: {@code .../ecr-environments/api/json}). */
    @Exported(name = "repositories")
    public List<EnvironmentsPageModel.Section> getSections() {
        return model().getSections();
    }

    /** The JSON the page script renders after load. */
    public HttpResponse doState() {
        return JsonAnswer.of(LiveView.forJob(model(), job.hasPermission(EcrPromotionPermissions.PROMOTE)));
    }

    /**
     * A button of this page: the same click as on build {@code build}'s page (POST, permission, stale check,
     * history), answered by a redirect back here with the outcome.
     */
    @RequirePOST
    public HttpResponse doPromote(StaplerRequest2 req, @QueryParameter int build, @QueryParameter String repository,
            @QueryParameter String environment, @QueryParameter String mode, @QueryParameter String from) {
        Run<?, ?> run = job.getBuildByNumber(build);
        EcrPromotionAction action = run == null ? null : run.getAction(EcrPromotionAction.class);
        if (action == null) {
            return HttpResponses.errorWithoutStack(404, Messages.Environments_NoSuchBuild(String.valueOf(build)));
        }
        return Clicks.handle(req, run, action, repository, environment, mode, from);
    }

    /** The outcome of the click that sent the viewer here, shown once; null when there is none. */
    public Outcome getOutcome() {
        StaplerRequest2 req = Stapler.getCurrentRequest2();
        return req == null ? null : Outcome.takeFrom(req.getSession(false));
    }

    /** {@code api/json|xml}; only for viewers who may read the job. */
    public Api getApi() {
        job.checkPermission(Item.READ);
        return new Api(this);
    }

    @Override
    public String getIconFileName() {
        return "symbol-server";
    }

    @Override
    public String getDisplayName() {
        return Messages.Environments_DisplayName();
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }
}
