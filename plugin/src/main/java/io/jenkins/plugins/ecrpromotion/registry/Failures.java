package io.jenkins.plugins.ecrpromotion.registry;

import hudson.AbortException;
import io.github.ecrpromotion.core.InvalidInputException;
import io.github.ecrpromotion.core.PromotionException;
import io.github.ecrpromotion.core.PromotionRefusedException;
import io.github.ecrpromotion.core.registry.RegistryException;

/**
 * Turns a core failure into a Jenkins {@link AbortException}: the core's one-line message plus what to change in
 * Jenkins terms (a step parameter, Manage Jenkins -&gt; System -&gt; ECR Promotion, the credentials store). An
 * AbortException prints as one line without a stack trace, which is what a build log reader needs.
 */
public final class Failures {
    /** Where the global settings live, as a Jenkins user would navigate to them. */
    public static final String SYSTEM_PAGE = "Manage Jenkins -> System -> ECR Promotion";

    private Failures() {
    }

    /**
     * The message of {@code e}, then "; " and a suggestion chosen by its kind, policy or reason.
     *
     * @param stepName the step or page the user acts on ({@code ecrPromote}, {@code the build page}); null for "the step"
     */
    public static AbortException abort(PromotionException e, String stepName) {
        return new AbortException(message(e, stepName));
    }

    /** The text {@link #abort} uses, without a trailing period doubled. */
    public static String message(PromotionException e, String stepName) {
        String core = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        if (core.endsWith(".")) {
            core = core.substring(0, core.length() - 1);
        }
        return core + ". " + suggestion(e, stepName == null || stepName.isBlank() ? "the step" : stepName);
    }

    /** What to do about {@code e}, in the words of a Jenkins user; starts with a capital, ends with a period. */
    static String suggestion(PromotionException e, String step) {
        if (e instanceof PromotionRefusedException refused) {
            return switch (refused.policy()) {
                case NOT_FROM_PREDECESSOR -> "Promote from the previous environment in the chain, or name the image "
                        + "with buildTag: or digest: in " + step + " for a rollback or hotfix.";
                case LAST_TAG -> "Give the image that environment holds now a build tag first, for example with "
                        + "ecrBuildTag(repository: ..., source: 'sha256:...'), so it keeps a tag when the environment moves.";
                case IMMUTABLE_TAG -> "Environment tags must move: set the repository's tag immutability to MUTABLE "
                        + "in Amazon ECR (build tags still never move).";
                case BUILD_TAG_TAKEN -> "Build tags never move: run a new build to get a new build tag, or pass the "
                        + "image that already has it as source: in " + step + ".";
                case IMAGE_OF_ANOTHER_BUILD -> "That image already belongs to another build: move it with ecrPromote(buildTag: ...) "
                        + "and its own build tag instead of tagging it again.";
                case SOURCE_MOVED -> "Reload the page: the previous environment holds another build now.";
            };
        }
        if (e instanceof RegistryException failure) {
            return switch (failure.reason()) {
                case AUTH -> "Check credentialsId: in " + step + " or the default credentials in " + SYSTEM_PAGE
                        + " (or the AWS keys withAWS put in the step's environment), and that they may read and "
                        + "write this repository.";
                case NOT_FOUND -> "Check repository: (and region:) in " + step + " or the default registry in "
                        + SYSTEM_PAGE + ".";
                case CONFLICT -> "Another change reached the registry at the same time; check the state (ecrState or "
                        + "the build page), then run " + step + " again.";
                case UNAVAILABLE -> "Check that the Jenkins controller can reach the registry (endpoint URL and "
                        + "timeout are under " + SYSTEM_PAGE + " -> Advanced), then run " + step + " again.";
                case PROTOCOL -> "Check that repository: in " + step + " names an Amazon ECR or OCI registry "
                        + "repository, and the endpoint URL under " + SYSTEM_PAGE + " -> Advanced.";
            };
        }
        if (e instanceof InvalidInputException) {
            return "Check the parameters of " + step + " (repository:, environments:, the source and target) "
                    + "and the environment chain in " + SYSTEM_PAGE + ".";
        }
        return "See " + step + " in docs/STEPS.md.";
    }
}
