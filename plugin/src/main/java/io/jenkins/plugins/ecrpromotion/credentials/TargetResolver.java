package io.jenkins.plugins.ecrpromotion.credentials;

import io.jenkins.plugins.ecrpromotion.Messages;
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
import io.github.ecrpromotion.core.registry.BuildTagDigests;
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
    private BuildTagDigests buildTagDigests = BuildTagDigests.NONE;

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

    /**
     * The controller's build tag -> digest store ({@link io.jenkins.plugins.ecrpromotion.registry.BuildTagStore}), shared by every step and page; without it
     * nothing is remembered between runs.
     */
    public TargetResolver withBuildTagDigests(BuildTagDigests store) {
        this.buildTagDigests = store;
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
        String step = stepName == null || stepName.isBlank() ? Messages.Failures_TheStep() : stepName;

        String repoText = p.getRepository() != null ? p.getRepository() : defaults.defaultRepository();
        if (repoText == null) {
            throw new AbortException(Messages.Resolver_NoRepository(step, Failures.SYSTEM_PAGE));
        }
        Repository repository;
        try {
            repository = Repository.parse(repoText);
        } catch (InvalidInputException ex) {
            String where = p.getRepository() != null ? Messages.Resolver_Where_Repository(step)
                    : Messages.Resolver_Where_DefaultRegistry(Failures.SYSTEM_PAGE);
            throw new AbortException(Messages.Resolver_Check(trimPeriod(ex.getMessage()), where));
        }
        if (repository.kind() == Repository.Kind.LAYOUT && !defaults.onDiskLayoutsAllowed()) {
            throw new AbortException(Messages.Resolver_LayoutRefused(repository, Failures.SYSTEM_PAGE));
        }
        boolean ecr = repository.kind() == Repository.Kind.ECR;

        boolean chainFromStep = p.getEnvironments() != null;
        String chainText = chainFromStep ? p.getEnvironments() : defaults.environments();
        EnvironmentChain chain;
        try {
            chain = chainText == null ? EnvironmentChain.DEFAULT : EnvironmentChain.parse(chainText);
        } catch (InvalidInputException ex) {
            String where = chainFromStep ? Messages.Resolver_Where_Environments(step)
                    : Messages.Resolver_Where_DefaultChain(Failures.SYSTEM_PAGE);
            throw new AbortException(Messages.Resolver_Fix(trimPeriod(ex.getMessage()), where));
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
                .proxy(proxy)
                .buildTagDigests(buildTagDigests);

        if (ecr && p.isStepEnvironmentIdentity() && p.getCredentialsId() == null) {
            // The build page, for a build whose step used withAWS: acting with the default credentials (or the
            // controller's identity) instead would be an identity nobody chose for this job.
            throw new AbortException(Messages.Resolver_StepEnvironmentIdentity(repository, step));
        }
        if (p.getCredentialsId() != null) {
            applyCredentials(options, repository, p.getCredentialsId(), Messages.Resolver_Where_CredentialsId(step));
        } else if (ecr && e.hasAnyKey()) {
            if (e.accessKeyId() == null || e.secretAccessKey() == null) {
                throw new AbortException(Messages.Resolver_HalfKeys(repository));
            }
            options.awsKeys(e.accessKeyId(), e.secretAccessKey(), e.sessionToken());
        } else if (ecr && e.profile() != null) {
            if (!defaults.controllerIdentityAllowed()) {
                throw new AbortException(Messages.Resolver_ProfileRefused(e.profile(), repository, step,
                        Failures.SYSTEM_PAGE));
            }
            options.awsProfile(e.profile());
        } else if (defaults.credentialsId() != null) {
            applyCredentials(options, repository, defaults.credentialsId(),
                    Messages.Resolver_Where_DefaultCredentials(Failures.SYSTEM_PAGE));
        } else if (ecr && !defaults.controllerIdentityAllowed()) {
            throw new AbortException(Messages.Resolver_NoAwsCredentials(repository, step, Failures.SYSTEM_PAGE));
        }
        options.roleArn(p.getRoleArn());
        return new RegistryTarget(repository, chain, options.build());
    }

    private void applyCredentials(RegistryOptions.Builder options, Repository repository, String credentialsId,
            String where) throws AbortException {
        StandardCredentials credentials = lookup == null ? null : lookup.find(credentialsId, repository);
        if (credentials == null) {
            throw new AbortException(Messages.Resolver_NoSuchCredentials(credentialsId, repository, where));
        }
        if (credentials instanceof AmazonWebServicesCredentials aws) {
            requireKind(repository, Repository.Kind.ECR, credentialsId, Messages.Resolver_Kind_Aws(), where);
            // aws-credentials' own kind without an access key resolves through the SDK's default chain: the
            // controller's instance profile or ~/.aws. Anyone who may create credentials in a folder could otherwise
            // give its jobs the controller's identity. Other implementations cannot be told apart and are trusted.
            if (credentials instanceof AWSCredentialsImpl impl && blank(impl.getAccessKey())
                    && !defaults.controllerIdentityAllowed()) {
                throw new AbortException(Messages.Resolver_NoAccessKey(credentialsId, repository, where,
                        Failures.SYSTEM_PAGE));
            }
            AwsCredentials keys;
            try {
                // The credential assumes its own role (ARN, external ID, MFA, duration) if it has one.
                keys = aws.resolveCredentials(null);
            } catch (RuntimeException ex) {
                throw new AbortException(Messages.Resolver_KeysFailed(credentialsId,
                        StateCache.oneLine(String.valueOf(ex.getMessage()))));
            }
            if (keys == null) {
                throw new AbortException(Messages.Resolver_NoKeys(credentialsId));
            }
            options.awsKeys(keys.accessKeyId(), keys.secretAccessKey(),
                    keys instanceof AwsSessionCredentials session ? session.sessionToken() : null);
        } else if (credentials instanceof StandardUsernamePasswordCredentials up) {
            requireKind(repository, Repository.Kind.REGISTRY, credentialsId, Messages.Resolver_Kind_UserPass(), where);
            options.basicAuth(up.getUsername(), plain(up.getPassword()));
        } else {
            throw new AbortException(Messages.Resolver_WrongKind(credentialsId, repository, where));
        }
    }

    private static void requireKind(Repository repository, Repository.Kind wanted, String id, String what, String where)
            throws AbortException {
        if (repository.kind() != wanted) {
            String fits = wanted == Repository.Kind.ECR ? Messages.Resolver_Fits_Ecr() : Messages.Resolver_Fits_Other();
            throw new AbortException(Messages.Resolver_KindMismatch(id, repository, what, fits, where));
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
