package io.jenkins.plugins.ecrpromotion.steps;

import io.jenkins.plugins.ecrpromotion.Messages;
import io.jenkins.plugins.ecrpromotion.EcrParameters;
import io.jenkins.plugins.ecrpromotion.credentials.CredentialsListing;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.ecrpromotion.core.InvalidInputException;
import io.github.ecrpromotion.core.buildtag.BuildTag;
import io.github.ecrpromotion.core.exec.TagResult;
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
 * {@code ecrBuildTag()}: the immutable build tag of this run ({@code 2026.11.25T14.03.12Z.5ad95f2-ecs-demo-11});
 * with {@code repository:} and {@code source:} it also puts that tag, and {@code environment:} if given, on the
 * image just pushed.
 */
public class EcrBuildTagStep extends AbstractEcrStep {
    static final String FUNCTION = "ecrBuildTag";
    static final String GIT_COMMIT = "GIT_COMMIT";

    private String gitCommit;
    private String source;
    private String environment;
    private boolean dryRun;

    /** No required constructor arguments: {@code ecrBuildTag()} alone returns the tag. */
    @DataBoundConstructor
    public EcrBuildTagStep() {
    }

    /** The commit; null means {@code GIT_COMMIT} from the step's environment. */
    public String getGitCommit() {
        return gitCommit;
    }

    @DataBoundSetter
    public void setGitCommit(String gitCommit) {
        this.gitCommit = EcrParameters.blankToNull(gitCommit);
    }

    /** The tag or digest of the image just pushed; null means "only return the tag". */
    public String getSource() {
        return source;
    }

    @DataBoundSetter
    public void setSource(String source) {
        this.source = EcrParameters.blankToNull(source);
    }

    /** An environment (usually the first, {@code testing}) to point at the image too; null means none. */
    public String getEnvironment() {
        return environment;
    }

    @DataBoundSetter
    public void setEnvironment(String environment) {
        this.environment = EcrParameters.blankToNull(environment);
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
    static final class Execution extends SynchronousNonBlockingStepExecution<String> {
        private static final long serialVersionUID = 1L;

        private final transient EcrBuildTagStep step;

        Execution(EcrBuildTagStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected String run() throws Exception {
            Run<?, ?> run = getContext().get(Run.class);
            TaskListener listener = getContext().get(TaskListener.class);
            EnvVars env = getContext().get(EnvVars.class);
            String commit = step.gitCommit != null ? step.gitCommit : env == null ? null : EcrParameters.blankToNull(env.get(GIT_COMMIT));
            if (commit == null) {
                throw new AbortException(Messages.Step_BuildTag_NoCommit(run.getFullDisplayName(), FUNCTION));
            }
            BuildTag tag;
            try {
                tag = BuildTagStepLogic.buildTag(run.getStartTimeInMillis(), commit, run.getParent().getFullName(),
                        run.getNumber());
            } catch (InvalidInputException e) {
                throw abort(e, FUNCTION, null);
            }
            if (step.source == null) {
                if (step.getRepository() != null || step.environment != null) {
                    throw new AbortException(Messages.Step_BuildTag_NoSource(tag, FUNCTION));
                }
                listener.getLogger().println("[" + FUNCTION + "] " + tag);
                return tag.toString();
            }
            TagResult result = step.withRegistry(run, env, listener, FUNCTION, (registry, chain, logger) ->
                    BuildTagStepLogic.apply(registry, chain, logger, tag, step.source, step.environment, step.dryRun));
            // On a re-run the image keeps the build tag it already had for this build: that is the one to return.
            String applied = result.plan().buildTag().toString();
            record(run, step.recordedParameters(env), result.plan().repository().toString(), applied,
                    BuildTagStepLogic.digest(result).toString(), result.dryRun(),
                    BuildTagStepLogic.history(result, actor(run), System.currentTimeMillis()));
            return applied;
        }
    }

    /** Registers {@code ecrBuildTag}. */
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
            return Messages.Step_BuildTag_DisplayName();
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
