package io.jenkins.plugins.ecrpromotion;

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
 */
public record GlobalDefaults(String defaultRepository, String region, String credentialsId, String environments,
        String endpointUrl, int timeoutSeconds) {

    /** Default time limit for registry requests. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 30;

    /** No defaults at all: default chain, AWS default credentials, 30 s timeout. */
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
}
