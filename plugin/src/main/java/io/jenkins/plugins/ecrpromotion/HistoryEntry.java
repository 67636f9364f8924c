package io.jenkins.plugins.ecrpromotion;

import io.jenkins.plugins.ecrpromotion.pages.Digests;
import java.io.Serializable;
import java.util.Objects;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * One promotion, by a step or a button, kept with the build: who (user id or run), when, where, from what to what,
 * and the result. Plain final fields so XStream persists it in build.xml; it never holds a secret.
 */
@ExportedBean(defaultVisibility = 2)
public final class HistoryEntry implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Result of a promotion that wrote nothing because the step asked for a dry run. */
    public static final String DRY_RUN = "dry run";
    /** Results starting with this word record a failed attempt (followed by ": " and the reason). */
    public static final String FAILED = "failed";

    private final String actor;
    private final long timeMillis;
    private final String repository;
    private final String environment;
    private final String fromBuildTag;
    private final String fromDigest;
    private final String toBuildTag;
    private final String toDigest;
    private final String result;

    /**
     * @param actor       user id, "anonymous", or the run that promoted (e.g. {@code folder/job#12})
     * @param fromBuildTag what the environment held before (null when it held nothing or had no build tag)
     * @param result      a short word or line, e.g. "promoted", "unchanged", "rolled back", or the error line
     */
    public HistoryEntry(String actor, long timeMillis, String repository, String environment, String fromBuildTag,
            String fromDigest, String toBuildTag, String toDigest, String result) {
        this.actor = actor;
        this.timeMillis = timeMillis;
        this.repository = repository;
        this.environment = environment;
        this.fromBuildTag = fromBuildTag;
        this.fromDigest = fromDigest;
        this.toBuildTag = toBuildTag;
        this.toDigest = toDigest;
        this.result = result;
    }

    @Exported
    public String getActor() {
        return actor;
    }

    @Exported
    public long getTimeMillis() {
        return timeMillis;
    }

    /**
     * The time as ISO-8601 UTC text, always to the second ({@code 2026-11-29T22:11:46Z}): the one format the pages
     * show (converted to the viewer's zone by the page script) and the API exports.
     */
    @Exported(name = "time")
    public String getTimeIso() {
        return TimeText.iso(timeMillis);
    }

    /** The time as {@code 2026-11-29 22:11:46 UTC}: the text a page shows until its script converts it, and on hover. */
    public String getTimeUtc() {
        return TimeText.utc(timeMillis);
    }

    /** Short form of {@link #getFromDigest()}, for tables. */
    public String getFromShortDigest() {
        return Digests.shortForm(fromDigest);
    }

    /** Short form of {@link #getToDigest()}, for tables. */
    public String getToShortDigest() {
        return Digests.shortForm(toDigest);
    }

    /** Whether this entry put its image into the environment: neither a failed attempt nor a dry run. */
    public boolean isEffective() {
        String r = result == null ? "" : result.toLowerCase(java.util.Locale.ROOT);
        return !r.startsWith(FAILED) && !r.startsWith(DRY_RUN);
    }

    @Exported
    public String getRepository() {
        return repository;
    }

    @Exported
    public String getEnvironment() {
        return environment;
    }

    @Exported
    public String getFromBuildTag() {
        return fromBuildTag;
    }

    @Exported
    public String getFromDigest() {
        return fromDigest;
    }

    @Exported
    public String getToBuildTag() {
        return toBuildTag;
    }

    @Exported
    public String getToDigest() {
        return toDigest;
    }

    @Exported
    public String getResult() {
        return result;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HistoryEntry h && timeMillis == h.timeMillis && Objects.equals(actor, h.actor)
                && Objects.equals(repository, h.repository) && Objects.equals(environment, h.environment)
                && Objects.equals(fromBuildTag, h.fromBuildTag) && Objects.equals(fromDigest, h.fromDigest)
                && Objects.equals(toBuildTag, h.toBuildTag) && Objects.equals(toDigest, h.toDigest)
                && Objects.equals(result, h.result);
    }

    @Override
    public int hashCode() {
        return Objects.hash(actor, timeMillis, repository, environment, fromBuildTag, fromDigest, toBuildTag, toDigest, result);
    }

    @Override
    public String toString() {
        return getTimeIso() + " " + actor + " " + repository + " " + environment + ": " + fromBuildTag + " -> "
                + toBuildTag + " (" + result + ")";
    }
}
