package io.github.ecrpromotion.core.buildtag;

import io.github.ecrpromotion.core.InvalidInputException;
import io.github.ecrpromotion.core.ref.Tag;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * The immutable tag an image gets at creation, e.g. {@code 2016.08.24T17.13.38Z.5ad95f2-ecs-demo-11}:
 * UTC build time, short git sha, tag-safe job name and build number. It ties an image to its build and commit.
 *
 * <p>A build tag is a name: {@link #parse} checks the text and keeps it exactly as written, so the tag it names is
 * the tag in the registry ({@code ...-app-007} stays {@code -007}). Only {@link #generate} and {@link #of} produce
 * the canonical form. Equality is on the text; {@link #sameBuild} compares what identifies the build.
 */
public final class BuildTag implements Comparable<BuildTag> {

    /** Newest first: by build time, then by build number, then by text. */
    public static final Comparator<BuildTag> NEWEST_FIRST = Comparator.comparing(BuildTag::time)
            .thenComparingLong(BuildTag::buildNumber)
            .thenComparing(BuildTag::toString)
            .reversed();

    private final String text;
    private final Instant time;
    private final String gitSha;
    private final String job;
    private final long buildNumber;

    /** Only {@link BuildTagFormat} makes these, after checking that {@code text} spells exactly these fields. */
    BuildTag(String text, Instant time, String gitSha, String job, long buildNumber) {
        this.text = Objects.requireNonNull(text);
        this.time = time;
        this.gitSha = gitSha;
        this.job = job;
        this.buildNumber = buildNumber;
    }

    /**
     * For code that already holds valid fields: the canonical tag (build number without leading zeros). Throws
     * {@link IllegalArgumentException} when a field is not valid; use {@link #generate} for a build's raw facts.
     */
    public static BuildTag of(Instant time, String gitSha, String job, long buildNumber) {
        BuildTagFormat.requireValid(time, gitSha, job, buildNumber);
        return new BuildTag(BuildTagFormat.format(time, gitSha, job, buildNumber), time, gitSha, job, buildNumber);
    }

    /** Builds a tag from a build's facts, making the job name tag-safe and short enough. */
    public static BuildTag generate(Instant time, String gitSha, String jobName, long buildNumber) throws InvalidInputException {
        return BuildTagFormat.generate(time, gitSha, jobName, buildNumber);
    }

    /**
     * Parses untrusted text as a build tag, strictly (a real calendar date and time), keeping the text as written:
     * {@link #toString()} and {@link #tag()} return it unchanged.
     */
    public static BuildTag parse(String text) throws InvalidInputException {
        return BuildTagFormat.parse(text);
    }

    /** Whether a repository tag is a build tag (recognised by its leading timestamp, as in the design). */
    public static boolean isBuildTag(Tag tag) {
        return BuildTagFormat.looksLikeBuildTag(tag.value());
    }

    /** The build time, UTC, whole seconds. */
    public Instant time() {
        return time;
    }

    /** The first 7 hex digits (lower case) of the commit the build was made from. */
    public String gitSha() {
        return gitSha;
    }

    /** The tag-safe job name. */
    public String job() {
        return job;
    }

    /** The build number; leading zeros in the text do not change it. */
    public long buildNumber() {
        return buildNumber;
    }

    /**
     * Whether both tags name the same build: same job, build number and git sha. The time is ignored, so a build
     * tagged twice (another clock, a re-run of the tagging step) is one build, and re-tagging it is a no-op.
     */
    public boolean sameBuild(BuildTag other) {
        return other != null && buildNumber == other.buildNumber && job.equals(other.job) && gitSha.equals(other.gitSha);
    }

    /** This build tag as a registry tag: the text, as parsed or generated. */
    public Tag tag() {
        return Tag.of(text);
    }

    @Override
    public int compareTo(BuildTag o) {
        return NEWEST_FIRST.compare(o, this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BuildTag other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The text as parsed or generated, which {@link #parse} takes back unchanged. */
    @Override
    public String toString() {
        return text;
    }
}
