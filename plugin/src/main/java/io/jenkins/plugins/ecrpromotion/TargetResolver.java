package io.jenkins.plugins.ecrpromotion;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.util.Secret;
import io.github.ecrpromotion.core.InvalidInputException;
import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import java.time.Duration;
import java.util.function.Function;

/**
 * Merges a step's {@link EcrParameters} with the {@link GlobalDefaults} and turns a credentials ID into registry
 * options. Plain Java: the Jenkins look-up of credentials comes in as a function, so this is tested without Jenkins.
 *
 * <p>Precedence: a value given to the step wins over the global one. The role ARN of the step wins over the role
 * ARN stored in an "AWS access key" credential. No credentials ID at all means the AWS default chain for ECR (an
 * instance profile on the controller) and ~/.docker/config.json or anonymous access for other registries.
 */
public final class TargetResolver {
    private final GlobalDefaults defaults;
    private final Function<String, StandardCredentials> lookup;
    private RegistryOptions.Proxy proxy;

    /**
     * @param defaults the global configuration's values
     * @param lookup finds credentials by ID for the run (null when there are none with that ID)
     */
    public TargetResolver(GlobalDefaults defaults, Function<String, StandardCredentials> lookup) {
        this.defaults = defaults == null ? GlobalDefaults.NONE : defaults;
        this.lookup = lookup;
    }

    /** The HTTP proxy for every target this resolves ({@link ProxySettings}); {@code null} means direct. */
    public TargetResolver withProxy(RegistryOptions.Proxy proxy) {
        this.proxy = proxy;
        return this;
    }

    /**
     * Resolves {@code params} into a target.
     *
     * @param stepName named in the error messages ("set repository: in ecrPromote")
     * @throws AbortException one line saying what is missing or wrong and where to fix it
     */
    public RegistryTarget resolve(EcrParameters params, String stepName) throws AbortException {
        EcrParameters p = params == null ? new EcrParameters() : params;
        String step = stepName == null || stepName.isBlank() ? "the step" : stepName;

        String repoText = p.getRepository() != null ? p.getRepository() : defaults.defaultRepository();
        if (repoText == null) {
            throw new AbortException("No repository given: set repository: in " + step
                    + " or a default registry in " + Failures.SYSTEM_PAGE + ".");
        }
        Repository repository;
        try {
            repository = Repository.parse(repoText);
        } catch (InvalidInputException e) {
            String where = p.getRepository() != null ? "repository: in " + step : "the default registry in " + Failures.SYSTEM_PAGE;
            throw new AbortException(trimPeriod(e.getMessage()) + ". Check " + where + ".");
        }

        boolean chainFromStep = p.getEnvironments() != null;
        String chainText = chainFromStep ? p.getEnvironments() : defaults.environments();
        EnvironmentChain chain;
        try {
            chain = chainText == null ? EnvironmentChain.DEFAULT : EnvironmentChain.parse(chainText);
        } catch (InvalidInputException e) {
            String where = chainFromStep ? "environments: in " + step : "the environment chain in " + Failures.SYSTEM_PAGE;
            throw new AbortException(trimPeriod(e.getMessage()) + ". Fix " + where + ".");
        }

        RegistryOptions.Builder options = RegistryOptions.builder()
                .region(p.getRegion() != null ? p.getRegion() : defaults.region())
                .endpointUrl(defaults.endpointUrl())
                .timeout(Duration.ofSeconds(defaults.timeoutSeconds()))
                .proxy(proxy);

        boolean idFromStep = p.getCredentialsId() != null;
        String credentialsId = idFromStep ? p.getCredentialsId() : defaults.credentialsId();
        String roleArn = p.getRoleArn();
        if (credentialsId != null) {
            String where = idFromStep ? "credentialsId: in " + step : "the default credentials in " + Failures.SYSTEM_PAGE;
            StandardCredentials credentials = lookup == null ? null : lookup.apply(credentialsId);
            if (credentials == null) {
                throw new AbortException("Tried to use the credentials '" + credentialsId + "' for " + repository
                        + " but failed because no credentials with that ID are visible to this build. Check " + where
                        + ", or add them in Manage Jenkins -> Credentials (or the job's folder).");
            }
            if (credentials instanceof AwsAccessKeyCredentials aws) {
                requireKind(repository, Repository.Kind.ECR, credentialsId, "an AWS access key", where);
                options.awsKeys(aws.getAccessKeyId(), plain(aws.getSecretAccessKey()));
                if (roleArn == null) {
                    roleArn = aws.getRoleArn();
                }
                options.externalId(aws.getExternalId());
            } else if (credentials instanceof StandardUsernamePasswordCredentials up) {
                requireKind(repository, Repository.Kind.REGISTRY, credentialsId, "a username with password", where);
                options.basicAuth(up.getUsername(), plain(up.getPassword()));
            } else {
                throw new AbortException("Tried to use the credentials '" + credentialsId + "' for " + repository
                        + " but failed because they are of a kind this plugin cannot use. Check " + where
                        + ": use \"AWS access key\" credentials for Amazon ECR or \"Username with password\" for other registries.");
            }
        }
        options.roleArn(roleArn);
        return new RegistryTarget(repository, chain, options.build());
    }

    private static void requireKind(Repository repository, Repository.Kind wanted, String id, String what, String where)
            throws AbortException {
        if (repository.kind() != wanted) {
            String fits = wanted == Repository.Kind.ECR ? "Amazon ECR repositories" : "OCI registries other than Amazon ECR";
            throw new AbortException("Tried to use the credentials '" + id + "' for " + repository + " but failed "
                    + "because they are " + what + ", which fits only " + fits + ". Check " + where + ".");
        }
    }

    private static String plain(Secret secret) {
        return secret == null ? null : secret.getPlainText();
    }

    private static String trimPeriod(String s) {
        String t = s == null ? "" : s.strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
