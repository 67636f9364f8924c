package io.github.ecrpromotion.cli;

import io.github.ecrpromotion.core.InvalidInputException;
import io.github.ecrpromotion.core.buildtag.BuildTag;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/** The facts a build tag is generated from: {@code --git-sha}, {@code --job}, {@code --build} and {@code --time}. */
final class BuildFacts {
    @Option(names = "--git-sha", required = true, paramLabel = "SHA",
            description = "Commit id of the build, 7 to 64 hex digits; the tag keeps the first 7, lower case.")
    String gitSha;

    @Option(names = "--job", required = true, paramLabel = "NAME",
            description = "Job name; folder names like team/ecs-demo/main become team-ecs-demo-main.")
    String job;

    @Option(names = "--build", required = true, paramLabel = "N", description = "Build number (0 or more).")
    long build;

    @Option(names = "--time", paramLabel = "ISO-8601",
            description = "Build time with a zone, e.g. 2016-08-24T17:13:38Z (default: now, UTC).")
    String time;

    /** The build tag these facts give; the time defaults to the clock's now. */
    BuildTag toBuildTag(Clock clock) throws InvalidInputException {
        return BuildTag.generate(time == null ? clock.instant() : parseTime(time), gitSha, job, build);
    }

    /** ISO-8601 with a zone: {@code 2016-08-24T17:13:38Z} or {@code 2016-08-24T19:13:38+02:00}. */
    static Instant parseTime(String text) throws InvalidInputException {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("Tried to read the build time '" + text + "' but failed because it must be "
                    + "an ISO-8601 date and time with a zone, for example 2016-08-24T17:13:38Z", e);
        }
    }
}
