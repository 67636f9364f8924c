package io.jenkins.plugins.ecrpromotion;

import io.jenkins.plugins.ecrpromotion.credentials.RegistryAccess;

import java.io.Serializable;
import java.util.Objects;

/**
 * The registry parameters a step or the build-page action passes in: repository, credentials ID, region, role ARN
 * and environment chain. A {@code null} (or blank) value means "use the global default" from
 * {@link EcrPromotionConfiguration}; {@link RegistryAccess#resolve} does the merging.
 *
 * <p>Serializable and immutable, so it can live in a step or a persisted action. Holds no secret: only the ID of a
 * credential.
 */
public final class EcrParameters implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String repository;
    private final String credentialsId;
    private final String region;
    private final String roleArn;
    private final String environments;
    /** Recorded by a step whose AWS identity came from its environment (withAWS, withCredentials([aws(...)])). */
    private final boolean stepEnvironmentIdentity;

    /** All defaults. */
    public EcrParameters() {
        this(null, null, null, null, null);
    }

    /** Each argument may be {@code null} (= the global default); blank strings count as {@code null}. */
    public EcrParameters(String repository, String credentialsId, String region, String roleArn, String environments) {
        this(repository, credentialsId, region, roleArn, environments, false);
    }

    private EcrParameters(String repository, String credentialsId, String region, String roleArn, String environments,
            boolean stepEnvironmentIdentity) {
        this.stepEnvironmentIdentity = stepEnvironmentIdentity;
        this.repository = blankToNull(repository);
        this.credentialsId = blankToNull(credentialsId);
        this.region = blankToNull(region);
        this.roleArn = blankToNull(roleArn);
        this.environments = blankToNull(environments);
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Repository reference (e.g. {@code 123456789012.dkr.ecr.us-east-1.amazonaws.com/oe/ecs-demo}), or null. */
    public String getRepository() {
        return repository;
    }

    /** ID of an "AWS Credentials" or username/password credential, or null. */
    public String getCredentialsId() {
        return credentialsId;
    }

    /** AWS region, or null. */
    public String getRegion() {
        return region;
    }

    /** IAM role to assume on top of the identity in use, or null. */
    public String getRoleArn() {
        return roleArn;
    }

    /** Environment chain as text ({@code testing,staging,production}), or null. */
    public String getEnvironments() {
        return environments;
    }

    /**
     * Whether the step that recorded these parameters took its AWS identity from its own environment ({@code withAWS},
     * {@code withCredentials([aws(...)])}): the build page has no such environment, so it must not act with some
     * other identity in its place. Never set on a step's own parameters.
     */
    public boolean isStepEnvironmentIdentity() {
        return stepEnvironmentIdentity;
    }

    /** A copy saying whether the identity came from the step's environment. */
    public EcrParameters withStepEnvironmentIdentity(boolean value) {
        return new EcrParameters(repository, credentialsId, region, roleArn, environments, value);
    }

    /** A copy naming another repository. */
    public EcrParameters withRepository(String value) {
        return new EcrParameters(value, credentialsId, region, roleArn, environments, stepEnvironmentIdentity);
    }

    /** A copy with another credentials ID. */
    public EcrParameters withCredentialsId(String value) {
        return new EcrParameters(repository, value, region, roleArn, environments, stepEnvironmentIdentity);
    }

    /** A copy with another region. */
    public EcrParameters withRegion(String value) {
        return new EcrParameters(repository, credentialsId, value, roleArn, environments, stepEnvironmentIdentity);
    }

    /** A copy with another role ARN. */
    public EcrParameters withRoleArn(String value) {
        return new EcrParameters(repository, credentialsId, region, value, environments, stepEnvironmentIdentity);
    }

    /** A copy with another environment chain. */
    public EcrParameters withEnvironments(String value) {
        return new EcrParameters(repository, credentialsId, region, roleArn, value, stepEnvironmentIdentity);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EcrParameters p && Objects.equals(repository, p.repository)
                && Objects.equals(credentialsId, p.credentialsId) && Objects.equals(region, p.region)
                && Objects.equals(roleArn, p.roleArn) && Objects.equals(environments, p.environments)
                && stepEnvironmentIdentity == p.stepEnvironmentIdentity;
    }

    @Override
    public int hashCode() {
        return Objects.hash(repository, credentialsId, region, roleArn, environments, stepEnvironmentIdentity);
    }

    @Override
    public String toString() {
        return "EcrParameters{repository=" + repository + ", credentialsId=" + credentialsId + ", region=" + region
                + ", roleArn=" + roleArn + ", environments=" + environments
                + (stepEnvironmentIdentity ? ", identity from the step's environment" : "") + "}";
    }
}
