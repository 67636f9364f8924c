package io.jenkins.plugins.ecrpromotion.steps;

import io.jenkins.plugins.ecrpromotion.HistoryEntry;

import io.github.ecrpromotion.core.InvalidInputException;
import io.github.ecrpromotion.core.PromotionException;
import io.github.ecrpromotion.core.buildtag.BuildTag;
import io.github.ecrpromotion.core.env.Environment;
import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.exec.PromotionExecutor;
import io.github.ecrpromotion.core.exec.TagResult;
import io.github.ecrpromotion.core.plan.TagChange;
import io.github.ecrpromotion.core.plan.TagRequest;
import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.registry.Registry;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What {@code ecrBuildTag} does, without Jenkins: make the build tag of a run, and put it on a pushed image. */
public final class BuildTagStepLogic {
    private BuildTagStepLogic() {
    }

    /**
     * The build tag of a run: its start time in UTC, the first 7 digits of the commit, the job's full name made
     * tag-safe (folders become {@code -}), the build number.
     */
    public static BuildTag buildTag(long startTimeMillis, String gitCommit, String jobFullName, long buildNumber)
            throws InvalidInputException {
        return BuildTag.generate(Instant.ofEpochMilli(startTimeMillis), gitCommit, jobFullName, buildNumber);
    }

    /**
     * Puts {@code buildTag}, and {@code environment} if not null, on the image {@code source} names (a tag or
     * digest just pushed), logging one line per tag: what moved, from what, to what.
     */
    public static TagResult apply(Registry registry, EnvironmentChain chain, PrintStream logger, BuildTag buildTag,
            String source, String environment, boolean dryRun) throws PromotionException {
        ImageRef ref = ImageRef.parse(source.trim());
        Optional<Environment> env = Optional.empty();
        if (environment != null && !environment.isBlank()) {
            env = Optional.of(chain.require(Environment.parse(environment.trim()).name()));
        }
        TagResult result = new PromotionExecutor(registry, chain).applyTags(new TagRequest(ref, buildTag, env), dryRun);
        for (String line : result.describe()) {
            logger.println("[ecrBuildTag] " + registry.repository() + " " + line);
        }
        for (String warning : result.warnings()) {
            logger.println("[ecrBuildTag] warning: " + warning);
        }
        return result;
    }

    /** The digest the tags now point at (or would, in a dry run). */
    public static Digest digest(TagResult result) {
        return result.plan().manifest().digest();
    }

    /**
     * History entries for the environment tag written by {@code result} (none when no environment was given);
     * the build tag itself is recorded as the image, not as a promotion.
     */
    public static List<HistoryEntry> history(TagResult result, String actor, long timeMillis) {
        List<HistoryEntry> out = new ArrayList<>();
        String buildTag = result.plan().buildTag().toString();
        for (TagChange change : result.plan().changes()) {
            if (change.tag().equals(result.plan().buildTag())) {
                continue;
            }
            out.add(new HistoryEntry(actor, timeMillis, result.plan().repository().toString(), change.tag().toString(),
                    change.beforeBuildTag().map(Object::toString).orElse(null),
                    change.before().map(Object::toString).orElse(null), buildTag, change.after().toString(),
                    PromoteStepLogic.resultWord(change.changed(), result.dryRun())));
        }
        return out;
    }
}
