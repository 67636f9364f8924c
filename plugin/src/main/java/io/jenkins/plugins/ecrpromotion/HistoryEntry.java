package io.jenkins.plugins.ecrpromotion;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One promotion, by a step or a button, kept with the build: who (user id or run), when, where, from what to what,
 * and the result. Plain final fields so XStream persists it in build.xml; it never holds a secret.
 */
public final class HistoryEntry implements Serializable {
    private static final long serialVersionUID = 1L;

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

    public String getActor() {
        return actor;
    }

    public long getTimeMillis() {
        return timeMillis;
    }

    /** The time as ISO-8601 UTC text, for the history table. */
    public String getTimeIso() {
        return Instant.ofEpochMilli(timeMillis).toString();
    }

    public String getRepository() {
        return repository;
    }

    public String getEnvironment() {
        return environment;
    }

    public String getFromBuildTag() {
        return fromBuildTag;
    }

    public String getFromDigest() {
        return fromDigest;
    }

    public String getToBuildTag() {
        return toBuildTag;
    }

    public String getToDigest() {
        return toDigest;
    }

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
