package io.jenkins.plugins.ecrpromotion.steps;

import io.jenkins.plugins.ecrpromotion.EcrParameters;
import io.jenkins.plugins.ecrpromotion.EcrPromotionAction;
import io.jenkins.plugins.ecrpromotion.HistoryEntry;
import io.jenkins.plugins.ecrpromotion.credentials.AwsEnvironment;
import io.jenkins.plugins.ecrpromotion.credentials.RegistryAccess;
import io.jenkins.plugins.ecrpromotion.registry.Failures;
import io.jenkins.plugins.ecrpromotion.registry.Redaction;
import io.jenkins.plugins.ecrpromotion.registry.RegistryTarget;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.ecrpromotion.core.PromotionException;
import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.registry.Registry;
import java.io.PrintStream;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The parameters every ECR Promotion step shares (repository, credentialsId, region, roleArn, environments),
 * each falling back to Manage Jenkins -&gt; System -&gt; ECR Promotion when not given, plus the bits of the
 * step executions that talk to the build: recording on {@link EcrPromotionAction} and error translation.
 */
public abstract class AbstractEcrStep extends Step {
    private String repository;
    private String credentialsId;
    private String region;
    private String roleArn;
    private String environments;

    /** Repository reference; null means the global default registry. */
    public String getRepository() {
        return repository;
    }

    @DataBoundSetter
    public void setRepository(String repository) {
        this.repository = EcrParameters.blankToNull(repository);
    }

    /**
     * ID of an "AWS Credentials" (Amazon ECR) or "Username with password" (other registries) credential; null means
     * the step's environment ({@code withAWS}), then the global default.
     */
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = EcrParameters.blankToNull(credentialsId);
    }

    /** AWS region; null means the global default, then the region in the ECR host name. */
    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = EcrParameters.blankToNull(region);
    }

    /** IAM role to assume on top of the identity in use; null means none (an AWS credential may assume its own). */
    public String getRoleArn() {
        return roleArn;
    }

    @DataBoundSetter
    public void setRoleArn(String roleArn) {
        this.roleArn = EcrParameters.blankToNull(roleArn);
    }

    /** Environment chain, e.g. {@code testing,staging,production}; null means the global default. */
    public String getEnvironments() {
        return environments;
    }

    @DataBoundSetter
    public void setEnvironments(String environments) {
        this.environments = EcrParameters.blankToNull(environments);
    }

    /** The registry parameters of this step, for {@link RegistryAccess}. */
    public EcrParameters parameters() {
        return new EcrParameters(repository, credentialsId, region, roleArn, environments);
    }

    /**
     * The parameters to record with the image: the step's own, marked when its AWS identity came from the step's
     * environment (no credentialsId, and AWS keys or a profile there), so the build page does not stand in another.
     */
    EcrParameters recordedParameters(EnvVars env) {
        AwsEnvironment aws = AwsEnvironment.of(env);
        return parameters().withStepEnvironmentIdentity(credentialsId == null && (aws.hasAnyKey() || aws.profile() != null));
    }

    /** Who the history names for a step: the run that executed it. */
    static String actor(Run<?, ?> run) {
        return "run " + run.getFullDisplayName();
    }

    /** Records the image (unless it was a dry run) and the history entries on the run's action. */
    static void record(Run<?, ?> run, EcrParameters parameters, String repository, String buildTag, String digest,
            boolean dryRun, List<HistoryEntry> history) {
        EcrPromotionAction action = EcrPromotionAction.of(run);
        if (!dryRun) {
            action.recordImage(repository, buildTag, digest, parameters);
        }
        for (HistoryEntry entry : history) {
            action.addHistory(entry);
        }
    }

    /** What a step does with an open registry; the core's errors become the step's AbortException. */
    @FunctionalInterface
    interface RegistryWork<T> {
        T run(Registry registry, EnvironmentChain chain, PrintStream logger) throws PromotionException;
    }

    /**
     * Resolves this step's registry settings for the run and the step's environment ({@code withAWS} and
     * {@code withCredentials} put AWS keys, region and endpoint there), opens the registry, runs the work with a build log that
     * masks the credentials' secrets, and turns a core failure into one AbortException line.
     */
    <T> T withRegistry(Run<?, ?> run, EnvVars env, TaskListener listener, String function, RegistryWork<T> work)
            throws AbortException {
        RegistryTarget target = RegistryAccess.forStep(run, env, parameters(), function);
        PrintStream log = listener.getLogger();
        PrintStream logger = Redaction.of(target.options()).wrap(log);
        try (Registry registry = target.open(function)) {
            return work.run(registry, target.chain(), logger);
        } catch (PromotionException e) {
            throw abort(e, function, target);
        } finally {
            if (logger != log) {
                // writes a held-back tail that turned out to be no secret; the build log itself stays open
                logger.close();
            }
        }
    }

    /** A core failure as the one-line AbortException of {@code stepName}, secrets of {@code target} masked. */
    static AbortException abort(PromotionException e, String stepName, RegistryTarget target) {
        String message = Failures.message(e, stepName);
        return new AbortException(target == null ? message : target.redact(message));
    }
}
