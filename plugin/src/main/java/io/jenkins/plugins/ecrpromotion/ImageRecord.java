package io.jenkins.plugins.ecrpromotion;

import java.io.Serializable;
import java.util.Objects;

/** An image a build produced or tagged: its repository, immutable build tag and digest (persisted with the build). */
public final class ImageRecord implements Serializable {
    private static final long serialVersionUID = 1L;

    // Plain final String fields: XStream writes them into build.xml as they are.
    private final String repository;
    private final String buildTag;
    private final String digest;
    // How the step reached the registry (credentials ID, region, role, chain; never a secret), so the build page
    // reads and promotes with the same settings. Null means the global defaults.
    private final EcrParameters parameters;

    /** Records an image; the build tag or digest may be null when a step did not learn it. */
    public ImageRecord(String repository, String buildTag, String digest) {
        this(repository, buildTag, digest, null);
    }

    /** Records an image with the registry settings the step used (null = the global defaults). */
    public ImageRecord(String repository, String buildTag, String digest, EcrParameters parameters) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.buildTag = buildTag;
        this.digest = digest;
        this.parameters = parameters;
    }

    public String getRepository() {
        return repository;
    }

    public String getBuildTag() {
        return buildTag;
    }

    public String getDigest() {
        return digest;
    }

    /** The parameters to reach the registry again: the step's settings with this repository, or the defaults. */
    public EcrParameters toParameters() {
        return (parameters == null ? new EcrParameters() : parameters).withRepository(repository);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageRecord r && repository.equals(r.repository) && Objects.equals(buildTag, r.buildTag)
                && Objects.equals(digest, r.digest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(repository, buildTag, digest);
    }

    @Override
    public String toString() {
        return repository + ":" + buildTag + "@" + digest;
    }
}
