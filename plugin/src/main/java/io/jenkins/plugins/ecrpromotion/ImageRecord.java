package io.jenkins.plugins.ecrpromotion;

import io.jenkins.plugins.ecrpromotion.pages.Digests;
import java.io.Serializable;
import java.util.Objects;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** An image a build produced or tagged: its repository, immutable build tag and digest (persisted with the build). */
@ExportedBean(defaultVisibility = 2)
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

    @Exported
    public String getRepository() {
        return repository;
    }

    @Exported
    public String getBuildTag() {
        return buildTag;
    }

    @Exported
    public String getDigest() {
        return digest;
    }

    /** {@code sha256:} and 12 hex digits, for tables (the full digest goes on hover and copy); null without one. */
    public String getShortDigest() {
        return Digests.shortForm(digest);
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
