package io.jenkins.plugins.ecrpromotion.credentials;

import io.jenkins.plugins.ecrpromotion.EcrParameters;
import io.jenkins.plugins.ecrpromotion.pages.StateCache;
import io.jenkins.plugins.ecrpromotion.registry.Failures;
import io.jenkins.plugins.ecrpromotion.registry.RegistryTarget;

import com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl;
import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
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
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Merges a step's {@link EcrParameters} with the step's AWS environment and the {@link GlobalDefaults}, and turns a
 * credentials ID into registry options. Plain Java: the Jenkins look-up of credentials comes in as a function, so
 * this is tested without Jenkins.
 *
 * <p>Values: a value given to the step wins over the step environment's ({@code AWS_REGION}/{@code AWS_DEFAULT_REGION},
 * {@code AWS_ENDPOINT_URL_ECR}/{@code AWS_ENDPOINT_URL}), which wins over the global one.
 *
 * <p>Identity, first that applies:
 * <ol>
 * <li>the step's {@code credentialsId:} ("AWS Credentials" for ECR, "Username with password" for other registries);
 * <li>for ECR, the step environment: {@code AWS_ACCESS_KEY_ID} + {@code AWS_SECRET_ACCESS_KEY} (+
 *     {@code AWS_SESSION_TOKEN}), as {@code withAWS} and {@code withCredentials([aws(...)])} set them; else
 *     {@code AWS_PROFILE}, which names a profile of the controller's own {@code ~/.aws} files and so is the
 *     controller's identity: used only when an administrator allows that, refused otherwise;
 * <li>the global default credentials;
 * <li>the controller's own identity (AWS default chain; {@code ~/.docker/config.json} for other registries), only
 *     when an administrator allows it. Otherwise ECR is refused and other registries are reached anonymously.
 * </ol>
 * A step's {@code roleArn:} is assumed on top of whichever identity applies, with the role session name given here
 * (job and build for a step, the user for a button). {@code oci:} layouts are refused unless an administrator allows
 * on-disk layouts.
 */
public final class TargetResolver {
    private final GlobalDefaults defaults;
    private final CredentialsLookup lookup;
    private RegistryOptions.Proxy proxy;

    /**
     * @param defaults the global configuration's values
     * @param lookup finds credentials by ID for the run or job (null when there are none with that ID)
     */
    public TargetResolver(GlobalDefaults defaults, Function<String, StandardCredentials> lookup) {
        this(defaults, lookup == null ? null : (CredentialsLookup) (id, repository) -> lookup.apply(id));
    }

    /** With a look-up that also sees the repository (for its credentials domain, see {@link CredentialDomains}). */
    public TargetResolver(GlobalDefaults defaults, CredentialsLookup lookup) {
        this.defaults = defaults == null ? GlobalDefaults.NONE : defaults;
        this.lookup = lookup;
    }

    /** Finds credentials by ID for a repository; null when none with that ID are visible for it. */
    @FunctionalInterface
    public interface CredentialsLookup {
        StandardCredentials find(String id, Repository repository);
    }

    /** The HTTP proxy for every target this resolves ({@link ProxySettings}); {@code null} means direct. */
    public TargetResolver withProxy(RegistryOptions.Proxy proxy) {
        this.proxy = proxy;
        return this;
    }

    /** As {@link #resolve(EcrParameters, String, AwsEnvironment, String)} without a step environment. */
    public RegistryTarget resolve(EcrParameters params, String stepName) throws AbortException {
        return resolve(params, stepName, AwsEnvironment.NONE, null);
    }

    /**
     * Resolves {@code params} into a target.
     *
     * @param stepName named in the error messages ("set repository: in ecrPromote")
     * @param env the AWS variables of the step's environment ({@link AwsEnvironment#NONE} for the build page)
     * @param roleSessionName the STS session name for an assumed role; null for the default
     * @throws AbortException one line saying what is missing or wrong and where to fix it
     */
    public RegistryTarget resolve(EcrParameters params, String stepName, AwsEnvironment env, String roleSessionName)
            throws AbortException {
        EcrParameters p = params == null ? new EcrParameters() : params;
        AwsEnvironment e = env == null ? AwsEnvironment.NONE : env;
        String step = stepName == null || stepName.isBlank() ? "the step" : stepName;

        String repoText = p.getRepository() != null ? p.getRepository() : defaults.defaultRepository();
        if (repoText == null) {
            throw new AbortException("No repository given: set repository: in " + step
                    + " or a default registry in " + Failures.SYSTEM_PAGE + ".");
        }
        Repository repository;
        try {
            repository = Repository.parse(repoText);
        } catch (InvalidInputException ex) {
            String where = p.getRepository() != null ? "repository: in " + step : "the default registry in " + Failures.SYSTEM_PAGE;
            throw new AbortException(trimPeriod(ex.getMessage()) + ". Check " + where + ".");
        }
        if (repository.kind() == Repository.Kind.LAYOUT && !defaults.onDiskLayoutsAllowed()) {
            throw new AbortException("Tried to use the OCI layout " + repository + " but failed because on-disk layouts "
                    + "(oci:PATH, a directory on the Jenkins controller) are not allowed. Use a registry repository, or "
                    + "ask an administrator to allow on-disk OCI layouts in " + Failures.SYSTEM_PAGE + ".");
        }
        boolean ecr = repository.kind() == Repository.Kind.ECR;

        boolean chainFromStep = p.getEnvironments() != null;
        String chainText = chainFromStep ? p.getEnvironments() : defaults.environments();
        EnvironmentChain chain;
        try {
            chain = chainText == null ? EnvironmentChain.DEFAULT : EnvironmentChain.parse(chainText);
        } catch (InvalidInputException ex) {
            String where = chainFromStep ? "environments: in " + step : "the environment chain in " + Failures.SYSTEM_PAGE;
            throw new AbortException(trimPeriod(ex.getMessage()) + ". Fix " + where + ".");
        }

        RegistryOptions.Builder options = RegistryOptions.builder()
                // one registry per step or page request: the timeout bounds all of it
                .timeoutCoversOperation(true)
                // A repository lives in one region: the region an ECR host names wins over the ambient AWS_REGION of
                // the step's environment (withAWS(region: ...) around a step for another region's repository).
                .region(first(p.getRegion(), repository.ecrRegion().isPresent() ? null : e.region(), defaults.region()))
                .endpointUrl(ecr ? first(e.endpointUrl(), defaults.endpointUrl()) : defaults.endpointUrl())
                .timeout(Duration.ofSeconds(defaults.timeoutSeconds()))
                .roleSessionName(roleSessionName)
                // the backends enforce it too: no default chain, no ~/.aws profile, no ~/.docker/config.json
                .ambientCredentialsAllowed(defaults.controllerIdentityAllowed())
                // checked above already; the layout backend refuses too, should a path ever skip this resolver
                .localLayoutsAllowed(defaults.onDiskLayoutsAllowed())
                .proxy(proxy);

        if (ecr && p.isStepEnvironmentIdentity() && p.getCredentialsId() == null) {
            // The build page, for a build whose step used withAWS: acting with the default credentials (or the
            // controller's identity) instead would be an identity nobody chose for this job.
            throw new AbortException("Tried to reach " + repository + " for this build but failed because its step took "
                    + "its AWS identity from the Pipeline (withAWS or withCredentials), which " + step + " does not "
                    + "have. Promote with ecrPromote inside the same withAWS block, or give the step credentialsId: so "
                    + step + " can use the same credentials.");
        }
        if (p.getCredentialsId() != null) {
            applyCredentials(options, repository, p.getCredentialsId(), "credentialsId: in " + step);
        } else if (ecr && e.hasAnyKey()) {
            if (e.accessKeyId() == null || e.secretAccessKey() == null) {
                throw new AbortException("Tried to use the AWS keys of the step's environment for " + repository
                        + " but failed because only one of AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY is set. Set both "
                        + "(withAWS or withCredentials([aws(...)]) do), or neither.");
            }
            options.awsKeys(e.accessKeyId(), e.secretAccessKey(), e.sessionToken());
        } else if (ecr && e.profile() != null) {
            if (!defaults.controllerIdentityAllowed()) {
                throw new AbortException("Tried to use the AWS profile '" + e.profile() + "' (AWS_PROFILE in the step's "
                        + "environment) for " + repository + " but failed because a profile is read from the Jenkins "
                        + "controller's own ~/.aws files, and the controller's own AWS identity is not allowed. Use "
                        + "credentialsId: in " + step + " or withAWS(credentials: ...), or ask an administrator to allow "
                        + "the controller's own AWS identity in " + Failures.SYSTEM_PAGE + ".");
            }
            options.awsProfile(e.profile());
        } else if (defaults.credentialsId() != null) {
            applyCredentials(options, repository, defaults.credentialsId(), "the default credentials in " + Failures.SYSTEM_PAGE);
        } else if (ecr && !defaults.controllerIdentityAllowed()) {
            throw new AbortException("Tried to find AWS credentials for " + repository + " but failed because none were "
                    + "given (no credentialsId: in " + step + ", no AWS_ACCESS_KEY_ID in the step's environment, no "
                    + "default credentials in " + Failures.SYSTEM_PAGE + ") and the controller's own AWS identity is "
                    + "not allowed. Set credentialsId: to \"AWS Credentials\", wrap the step in withAWS(credentials: ...), "
                    + "or ask an administrator to allow the controller's own AWS identity in " + Failures.SYSTEM_PAGE + ".");
        }
        options.roleArn(p.getRoleArn());
        return new RegistryTarget(repository, chain, options.build());
    }

    private void applyCredentials(RegistryOptions.Builder options, Repository repository, String credentialsId,
            String where) throws AbortException {
        StandardCredentials credentials = lookup == null ? null : lookup.find(credentialsId, repository);
        if (credentials == null) {
            throw new AbortException("Tried to use the credentials '" + credentialsId + "' for " + repository
                    + " but failed because no credentials with that ID are visible here. Check " + where
                    + ", or add them in Manage Jenkins -> Credentials (or the job's folder).");
        }
        if (credentials instanceof AmazonWebServicesCredentials aws) {
            requireKind(repository, Repository.Kind.ECR, credentialsId, "AWS Credentials", where);
            // aws-credentials' own kind without an access key resolves through the SDK's default chain: the
            // controller's instance profile or ~/.aws. Anyone who may create credentials in a folder could otherwise
            // give its jobs the controller's identity. Other implementations cannot be told apart and are trusted.
            if (credentials instanceof AWSCredentialsImpl impl && blank(impl.getAccessKey())
                    && !defaults.controllerIdentityAllowed()) {
                throw new AbortException("Tried to use the credentials '" + credentialsId + "' for " + repository
                        + " but failed because they have no access key, so they would act as the Jenkins controller's "
                        + "own AWS identity (its instance profile or ~/.aws), which is not allowed. Give them an access "
                        + "key in Manage Jenkins -> Credentials (check " + where + "), or ask an administrator to allow "
                        + "the controller's own AWS identity in " + Failures.SYSTEM_PAGE + ".");
            }
            AwsCredentials keys;
            try {
                // The credential assumes its own role (ARN, external ID, MFA, duration) if it has one.
                keys = aws.resolveCredentials(null);
            } catch (RuntimeException ex) {
                throw new AbortException("Tried to get AWS keys from the credentials '" + credentialsId + "' but failed "
                        + "because " + StateCache.oneLine(String.valueOf(ex.getMessage())) + ". Check them (and the "
                        + "role they assume) in Manage Jenkins -> Credentials.");
            }
            if (keys == null) {
                throw new AbortException("Tried to get AWS keys from the credentials '" + credentialsId + "' but failed "
                        + "because they gave none. Check them in Manage Jenkins -> Credentials.");
            }
            options.awsKeys(keys.accessKeyId(), keys.secretAccessKey(),
                    keys instanceof AwsSessionCredentials session ? session.sessionToken() : null);
        } else if (credentials instanceof StandardUsernamePasswordCredentials up) {
            requireKind(repository, Repository.Kind.REGISTRY, credentialsId, "a username with password", where);
            options.basicAuth(up.getUsername(), plain(up.getPassword()));
        } else {
            throw new AbortException("Tried to use the credentials '" + credentialsId + "' for " + repository
                    + " but failed because they are of a kind this plugin cannot use. Check " + where
                    + ": use \"AWS Credentials\" for Amazon ECR or \"Username with password\" for other registries.");
        }
    }

    private static void requireKind(Repository repository, Repository.Kind wanted, String id, String what, String where)
            throws AbortException {
        if (repository.kind() != wanted) {
            String fits = wanted == Repository.Kind.ECR ? "Amazon ECR repositories" : "OCI registries other than Amazon ECR";
            throw new AbortException("Tried to use the credentials '" + id + "' for " + repository + " but failed "
                    + "because they are " + what + ", which fits only " + fits + ". Check " + where + ".");
        }
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String plain(Secret secret) {
        return secret == null ? null : secret.getPlainText();
    }

    private static String trimPeriod(String s) {
        String t = s == null ? "" : s.strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
