package io.jenkins.plugins.ecrpromotion.credentials;

import io.jenkins.plugins.ecrpromotion.registry.BuildTagStore;
import io.jenkins.plugins.ecrpromotion.EcrParameters;
import io.jenkins.plugins.ecrpromotion.EcrPromotionConfiguration;
import io.jenkins.plugins.ecrpromotion.registry.RegistryTarget;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.AbortException;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import io.github.ecrpromotion.core.ref.Repository;
import java.util.Map;
import org.springframework.security.core.Authentication;

/**
 * The Jenkins side of {@link TargetResolver}: reads the global configuration and Jenkins' proxy, and looks credentials
 * up the way the credentials plugin asks consumers to.
 *
 * <ul>
 * <li>A running step ({@link #forStep}) looks them up through its run ({@code findCredentialById}: the build's own
 *     authentication, folder credentials, credentials parameters) and records the use on the run ({@code track}), so
 *     the credential's usage page lists the build. Its AWS environment ({@code withAWS}, {@code withCredentials}) comes
 *     from the step's {@code EnvVars}; STS sessions are named after the job and build.
 * <li>The build page and its buttons ({@link #forPage}) run outside any build: they look credentials up in the job
 *     with the authentication the job's builds run as, and record no use (a page view is not a use; tracking on every
 *     view would rewrite the credentials' fingerprints all the time). STS sessions are named after the user.
 * </ul>
 */
public final class RegistryAccess {
    private RegistryAccess() {
    }

    /**
     * Resolves a step's {@code params} for {@code run}, with the step's environment; error messages name
     * {@code stepName} (e.g. {@code ecrPromote}).
     */
    public static RegistryTarget forStep(Run<?, ?> run, Map<String, String> stepEnvironment, EcrParameters params,
            String stepName) throws AbortException {
        return new TargetResolver(defaults(), (TargetResolver.CredentialsLookup) (id, repo) -> lookupForRun(run, id, repo)).withProxy(ProxySettings.current())
                .withBuildTagDigests(BuildTagStore.controller()).resolve(params, stepName,
                AwsEnvironment.of(stepEnvironment), SessionNames.forBuild(run.getParent().getFullName(), run.getNumber()));
    }

    /**
     * Resolves recorded {@code params} for the build page of {@code run}, acting for {@code userId} (the session name
     * CloudTrail shows); error messages speak of {@code where}.
     */
    public static RegistryTarget forPage(Run<?, ?> run, EcrParameters params, String userId, String where)
            throws AbortException {
        Job<?, ?> job = run.getParent();
        return new TargetResolver(defaults(), (TargetResolver.CredentialsLookup) (id, repo) -> lookupInJob(job, id, repo)).withProxy(ProxySettings.current())
                .withBuildTagDigests(BuildTagStore.controller()).resolve(params, where, AwsEnvironment.NONE,
                SessionNames.forUser(userId));
    }

    private static GlobalDefaults defaults() {
        EcrPromotionConfiguration config = EcrPromotionConfiguration.get();
        return config == null ? GlobalDefaults.NONE : config.toDefaults();
    }

    /** Through the run, tracked: what a build does. */
    static StandardCredentials lookupForRun(Run<?, ?> run, String id, Repository repository) {
        StandardCredentials c = CredentialsProvider.findCredentialById(id, StandardCredentials.class, run,
                CredentialDomains.of(repository));
        if (c != null) {
            // shows the use on the credentials' "usage" page
            CredentialsProvider.track(run, c);
        }
        return c;
    }

    /** Through the job, as its builds would see them, untracked: what a page does. */
    static StandardCredentials lookupInJob(Job<?, ?> job, String id, Repository repository) {
        return CredentialsProvider.findCredentialByIdInItem(id, StandardCredentials.class, job, authenticationOf(job),
                CredentialDomains.of(repository));
    }

    /** The authentication the job's builds run as: SYSTEM unless an authorization plugin (authorize-project) says otherwise. */
    static Authentication authenticationOf(Object item) {
        return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
    }
}
