package io.jenkins.plugins.ecrpromotion.steps;

import io.jenkins.plugins.ecrpromotion.Messages;
import io.jenkins.plugins.ecrpromotion.EcrParameters;
import io.jenkins.plugins.ecrpromotion.credentials.CredentialsListing;

import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.ecrpromotion.core.exec.PromotionResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import hudson.util.ListBoxModel;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code ecrPromote(repository: ..., from: 'testing', to: 'staging')}: points an environment tag at the image from
 * its predecessor (or, with {@code buildTag:} or {@code digest:}, an explicitly named image for a rollback) and
 * returns the result as a map.
 */
public class EcrPromoteStep extends AbstractEcrStep {
    static final String FUNCTION = "ecrPromote";

    private final String to;
    private String from;
    private String buildTag;
    private String digest;
    private boolean dryRun;

    /**
     * {@code to} is the one required parameter, so it is the constructor's (as core's required step parameters are):
     * the Snippet Generator then writes {@code ecrPromote 'production'}-style calls, and named arguments still work.
     */
    @DataBoundConstructor
    public EcrPromoteStep(String to) {
        this.to = EcrParameters.blankToNull(to);
    }

    /** The environment to move (required). */
    public String getTo() {
        return to;
    }

    /** The environment whose image to take (the predecessor of {@code to}). */
    public String getFrom() {
        return from;
    }

    @DataBoundSetter
    public void setFrom(String from) {
        this.from = EcrParameters.blankToNull(from);
    }

    /** The build tag of the image to take (rollback or hotfix). */
    public String getBuildTag() {
        return buildTag;
    }

    @DataBoundSetter
    public void setBuildTag(String buildTag) {
        this.buildTag = EcrParameters.blankToNull(buildTag);
    }

    /** The digest of the image to take (rollback or hotfix). */
    public String getDigest() {
        return digest;
    }

    @DataBoundSetter
    public void setDigest(String digest) {
        this.digest = EcrParameters.blankToNull(digest);
    }

    /** Whether to only log what would be written. */
    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(this, context);
    }

    /** Runs on a background thread: the registry calls block. */
    static final class Execution extends SynchronousNonBlockingStepExecution<LinkedHashMap<String, Object>> {
        private static final long serialVersionUID = 1L;

        // transient as in workflow-basic-steps: a synchronous execution never resumes after a restart
        private final transient EcrPromoteStep step;

        Execution(EcrPromoteStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected LinkedHashMap<String, Object> run() throws Exception {
            Run<?, ?> run = getContext().get(Run.class);
            TaskListener listener = getContext().get(TaskListener.class);
            EnvVars env = getContext().get(EnvVars.class);
            PromotionResult result = step.withRegistry(run, env, listener, FUNCTION, (registry, chain, logger) ->
                    PromoteStepLogic.promote(registry, chain, logger, step.to, step.from, step.buildTag, step.digest,
                            step.isDryRun()));
            record(run, step.recordedParameters(env), result.plan().repository().toString(), result.buildTag().map(Object::toString).orElse(null),
                    result.digest().toString(), result.dryRun(),
                    List.of(PromoteStepLogic.history(result, actor(run), System.currentTimeMillis())));
            return PromoteStepLogic.toMap(result);
        }
    }

    /** Registers {@code ecrPromote}. */
    @Extension
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return FUNCTION;
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, EnvVars.class);
        }

        @Override
        public String getDisplayName() {
            return Messages.Step_Promote_DisplayName();
        }

        /**
         * Fills the credentials drop-down of the Snippet Generator with the kinds that fit the repository field
         * (Stapler sends it along: it is a {@code @QueryParameter} here). POST only, as the credentials plugin asks.
         */
        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId,
                @QueryParameter String repository) {
            return CredentialsListing.forItem(item, credentialsId, repository);
        }
    }
}
