package io.jenkins.plugins.ecrpromotion.credentials;

import io.jenkins.plugins.ecrpromotion.EcrParameters;

import java.util.Map;

/**
 * The AWS settings a Pipeline put into a step's environment: {@code withAWS(credentials:, role:, region:)},
 * {@code withCredentials([aws(...)])} and a Declarative {@code environment { X = credentials('aws-id') }} set these
 * variables. Read from the step's own {@code EnvVars} (its context), never from the controller's process
 * environment: that one belongs to Jenkins, not to the build. Blank values count as absent.
 *
 * @param accessKeyId     {@code AWS_ACCESS_KEY_ID}
 * @param secretAccessKey {@code AWS_SECRET_ACCESS_KEY}
 * @param sessionToken    {@code AWS_SESSION_TOKEN} (temporary keys, e.g. from {@code withAWS(role:)})
 * @param region          {@code AWS_REGION}, else {@code AWS_DEFAULT_REGION}
 * @param profile         {@code AWS_PROFILE} (a profile of the controller's {@code ~/.aws} files)
 * @param endpointUrl     {@code AWS_ENDPOINT_URL_ECR}, else {@code AWS_ENDPOINT_URL}
 */
public record AwsEnvironment(String accessKeyId, String secretAccessKey, String sessionToken, String region,
        String profile, String endpointUrl) {

    /** A step environment without any AWS variable (the build page and its buttons have no step environment). */
    public static final AwsEnvironment NONE = new AwsEnvironment(null, null, null, null, null, null);

    /** Normalises blanks to {@code null}. */
    public AwsEnvironment {
        accessKeyId = EcrParameters.blankToNull(accessKeyId);
        secretAccessKey = EcrParameters.blankToNull(secretAccessKey);
        sessionToken = EcrParameters.blankToNull(sessionToken);
        region = EcrParameters.blankToNull(region);
        profile = EcrParameters.blankToNull(profile);
        endpointUrl = EcrParameters.blankToNull(endpointUrl);
    }

    /** Reads the variables from a step's environment; null means none. */
    public static AwsEnvironment of(Map<String, String> env) {
        if (env == null) {
            return NONE;
        }
        return new AwsEnvironment(env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY"),
                env.get("AWS_SESSION_TOKEN"), first(env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION")),
                env.get("AWS_PROFILE"), first(env.get("AWS_ENDPOINT_URL_ECR"), env.get("AWS_ENDPOINT_URL")));
    }

    /** Whether any key variable is set (both are needed; one alone is a mistake worth reporting). */
    public boolean hasAnyKey() {
        return accessKeyId != null || secretAccessKey != null;
    }

    private static String first(String a, String b) {
        return EcrParameters.blankToNull(a) != null ? a : b;
    }

    /** Never shows the secret key or the session token. */
    @Override
    public String toString() {
        return "AwsEnvironment{accessKeyId=" + accessKeyId + ", secretAccessKey=" + (secretAccessKey == null ? null : "****")
                + ", sessionToken=" + (sessionToken == null ? null : "****") + ", region=" + region + ", profile="
                + profile + ", endpointUrl=" + endpointUrl + "}";
    }
}
