package io.jenkins.plugins.ecrpromotion.steps;

import io.jenkins.plugins.ecrpromotion.Messages;
import io.jenkins.plugins.ecrpromotion.credentials.CredentialsListing;

import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.LinkedHashMap;
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

/**
 * {@code ecrState(repository: ...)}: which build each environment holds now, read from the registry, returned as
 * {@code [testing: '…-12', staging: '…-11', production: '…-11']} and logged as a table.
 */
public class EcrStateStep extends AbstractEcrStep {
    static final String FUNCTION = "ecrState";

    /** No required constructor arguments: every parameter is optional. */
    @DataBoundConstructor
    public EcrStateStep() {
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(this, context);
    }

    /** Runs on a background thread: the registry calls block. */
    static final class Execution extends SynchronousNonBlockingStepExecution<LinkedHashMap<String, String>> {
        private static final long serialVersionUID = 1L;

        private final transient EcrStateStep step;

        Execution(EcrStateStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected LinkedHashMap<String, String> run() throws Exception {
            Run<?, ?> run = getContext().get(Run.class);
            TaskListener listener = getContext().get(TaskListener.class);
            return step.withRegistry(run, getContext().get(EnvVars.class), listener, FUNCTION, StateStepLogic::state);
        }
    }

    /** Registers {@code ecrState}. */
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
            return Messages.Step_State_DisplayName();
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
