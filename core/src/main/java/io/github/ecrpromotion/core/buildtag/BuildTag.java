package io.github.ecrpromotion.core.buildtag;

import io.github.ecrpromotion.core.InvalidInputException;
import io.github.ecrpromotion.core.ref.Tag;
import java.time.Instant;
import java.util.Comparator;

/**
 * The immutable tag an image gets at creation, e.g. {@code 2016.08.24T17.13.38Z.5ad95f2-ecs-demo-11}:
 * UTC build time, short git sha, tag-safe job name and build number. It ties an image to its build and commit.
 */
public record BuildTag(Instant time, String gitSha, String job, long buildNumber) implements Comparable<BuildTag> {

    /** Newest first: by build time, then by build number, then by text. */
    public static final Comparator<BuildTag> NEWEST_FIRST = Comparator.comparing(BuildTag::time)
            .thenComparingLong(BuildTag::buildNumber)
            .thenComparing(BuildTag::toString)
            .reversed();

    public BuildTag {
        BuildTagFormat.requireValid(time, gitSha, job, buildNumber);
    }

    /** Builds a tag from a build's facts, making the job name tag-safe and short enough. */
    public static BuildTag generate(Instant time, String gitSha, String jobName, long buildNumber) throws InvalidInputException {
        return BuildTagFormat.generate(time, gitSha, jobName, buildNumber);
    }

    /** Parses untrusted text as a build tag. */
    public static BuildTag parse(String text) throws InvalidInputException {
        return BuildTagFormat.parse(text);
    }

    /** Whether a repository tag is a build tag (recognised by its leading timestamp, as in the design). */
    public static boolean isBuildTag(Tag tag) {
        return BuildTagFormat.looksLikeBuildTag(tag.value());
    }

    /** This build tag as a registry tag. */
    public Tag tag() {
        return Tag.of(toString());
    }

    @Override
    public int compareTo(BuildTag o) {
        return NEWEST_FIRST.compare(o, this);
    }

    /** The canonical text, which {@link #parse} takes back. */
    @Override
    public String toString() {
        return BuildTagFormat.format(this);
    }
}
