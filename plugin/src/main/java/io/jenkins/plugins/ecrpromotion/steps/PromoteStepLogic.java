package io.jenkins.plugins.ecrpromotion.steps;

import io.jenkins.plugins.ecrpromotion.Messages;
import io.jenkins.plugins.ecrpromotion.HistoryEntry;

import io.github.ecrpromotion.core.InvalidInputException;
import io.github.ecrpromotion.core.PromotionException;
import io.github.ecrpromotion.core.buildtag.BuildTag;
import io.github.ecrpromotion.core.env.Environment;
import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.exec.PromotionExecutor;
import io.github.ecrpromotion.core.exec.PromotionResult;
import io.github.ecrpromotion.core.plan.PromotionRequest;
import io.github.ecrpromotion.core.plan.PromotionSource;
import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.registry.Registry;
import java.io.PrintStream;
import java.util.LinkedHashMap;

/** What {@code ecrPromote} does, without Jenkins: point an environment at the image from its source. */
public final class PromoteStepLogic {
    /** Result words of the history, shown on the action's page. */
    static final String PROMOTED = "promoted";
    static final String UNCHANGED = "unchanged";
    static final String DRY_RUN = HistoryEntry.DRY_RUN;

    private PromoteStepLogic() {
    }

    /**
     * The source named by exactly one of {@code from} (an environment), {@code buildTag} or {@code digest}.
     *
     * @throws InvalidInputException none or more than one is given, or the one given is malformed
     */
    public static PromotionSource source(EnvironmentChain chain, String to, String from, String buildTag, String digest)
            throws InvalidInputException {
        int given = (blank(from) ? 0 : 1) + (blank(buildTag) ? 0 : 1) + (blank(digest) ? 0 : 1);
        if (given != 1) {
            String target = blank(to) ? Messages.Step_Promote_AnEnvironment() : "'" + to.trim() + "'";
            throw new InvalidInputException(given == 0 ? Messages.Step_Promote_NoSource(target)
                    : Messages.Step_Promote_TooManySources(target, String.valueOf(given)));
        }
        if (!blank(from)) {
            return new PromotionSource.FromEnvironment(chain.require(Environment.parse(from.trim()).name()));
        }
        if (!blank(buildTag)) {
            return new PromotionSource.ByBuildTag(BuildTag.parse(buildTag.trim()));
        }
        return new PromotionSource.ByDigest(Digest.parse(digest.trim()));
    }

    /** Promotes and logs one line: what moved, from what, to what. */
    public static PromotionResult promote(Registry registry, EnvironmentChain chain, PrintStream logger, String to,
            String from, String buildTag, String digest, boolean dryRun) throws PromotionException {
        if (blank(to)) {
            throw new InvalidInputException(Messages.Step_Promote_NoTarget(chain));
        }
        PromotionSource source = source(chain, to, from, buildTag, digest);
        Environment target = chain.require(Environment.parse(to.trim()).name());
        PromotionResult result = new PromotionExecutor(registry, chain).promote(new PromotionRequest(target, source), dryRun);
        logger.println("[ecrPromote] " + registry.repository() + " " + result.describe());
        for (String warning : result.warnings()) {
            logger.println("[ecrPromote] warning: " + warning);
        }
        return result;
    }

    /** The step's return value: {@link PromotionResult#toMap()} in a map Pipeline can serialize. */
    public static LinkedHashMap<String, Object> toMap(PromotionResult result) {
        return new LinkedHashMap<>(result.toMap());
    }

    /** The history entry of this promotion. */
    public static HistoryEntry history(PromotionResult result, String actor, long timeMillis) {
        return new HistoryEntry(actor, timeMillis, result.plan().repository().toString(), result.environment(),
                result.previousBuildTag().map(Object::toString).orElse(null),
                result.previousDigest().map(Object::toString).orElse(null),
                result.buildTag().map(Object::toString).orElse(null), result.digest().toString(),
                resultWord(result.changed(), result.dryRun()));
    }

    static String resultWord(boolean changed, boolean dryRun) {
        if (dryRun) {
            return DRY_RUN;
        }
        return changed ? PROMOTED : UNCHANGED;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
