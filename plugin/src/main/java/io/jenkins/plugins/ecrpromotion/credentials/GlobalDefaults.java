package io.jenkins.plugins.ecrpromotion.credentials;

import io.jenkins.plugins.ecrpromotion.EcrParameters;
import io.jenkins.plugins.ecrpromotion.EcrPromotionConfiguration;

/**
 * The global defaults a step falls back to, copied out of {@link EcrPromotionConfiguration} so that
 * {@link TargetResolver} can be tested without Jenkins. Blank strings count as absent.
 *
 * @param defaultRepository repository used when a step names none
 * @param region AWS region when a step names none (ECR otherwise takes it from the repository host)
 * @param credentialsId credentials used when a step names none
 * @param environments environment chain text, e.g. {@code testing,staging,production}
 * @param endpointUrl registry API endpoint override (an ECR VPC endpoint, or moto in tests)
 * @param timeoutSeconds time limit for connecting and for each registry request
 * @param controllerIdentityAllowed whether an administrator allows the controller's own AWS identity (SDK default
 *        chain, {@code ~/.aws} profiles, instance role) and Docker logins ({@code ~/.docker/config.json})
 * @param onDiskLayoutsAllowed whether an administrator allows {@code oci:PATH} layouts on the controller's disk
 */
public record GlobalDefaults(String defaultRepository, String region, String credentialsId, String environments,
        String endpointUrl, int timeoutSeconds, boolean controllerIdentityAllowed, boolean onDiskLayoutsAllowed) {

    /** Default time limit for registry requests. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 30;

    /** No defaults at all: default chain, 30 s timeout, neither the controller's identity nor on-disk layouts. */
    public static final GlobalDefaults NONE = new GlobalDefaults(null, null, null, null, null, DEFAULT_TIMEOUT_SECONDS);

    /** Normalises blanks to {@code null} and a non-positive timeout to the default. */
    public GlobalDefaults {
        defaultRepository = EcrParameters.blankToNull(defaultRepository);
        region = EcrParameters.blankToNull(region);
        credentialsId = EcrParameters.blankToNull(credentialsId);
        environments = EcrParameters.blankToNull(environments);
        endpointUrl = EcrParameters.blankToNull(endpointUrl);
        timeoutSeconds = timeoutSeconds > 0 ? timeoutSeconds : DEFAULT_TIMEOUT_SECONDS;
    }

    /** With both administrator switches off (their defaults). */
    public GlobalDefaults(String defaultRepository, String region, String credentialsId, String environments,
            String endpointUrl, int timeoutSeconds) {
        this(defaultRepository, region, credentialsId, environments, endpointUrl, timeoutSeconds, false, false);
    }

    /** A copy with the "controller's own AWS identity and Docker logins" switch set. */
    public GlobalDefaults withControllerIdentityAllowed(boolean allowed) {
        return new GlobalDefaults(defaultRepository, region, credentialsId, environments, endpointUrl, timeoutSeconds,
                allowed, onDiskLayoutsAllowed);
    }

    /** A copy with the "on-disk OCI layouts" switch set. */
    public GlobalDefaults withOnDiskLayoutsAllowed(boolean allowed) {
        return new GlobalDefaults(defaultRepository, region, credentialsId, environments, endpointUrl, timeoutSeconds,
                controllerIdentityAllowed, allowed);
    }
}
