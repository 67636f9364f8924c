package io.jenkins.plugins.ecrpromotion.registry;

import io.jenkins.plugins.ecrpromotion.Messages;
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
    public static final String SYSTEM_PAGE = Messages.Failures_SystemPage();

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
        return core + ". " + suggestion(e, stepName == null || stepName.isBlank() ? Messages.Failures_TheStep() : stepName);
    }

    /** What to do about {@code e}, in the words of a Jenkins user; starts with a capital, ends with a period. */
    static String suggestion(PromotionException e, String step) {
        if (e instanceof PromotionRefusedException refused) {
            return switch (refused.policy()) {
                case NOT_FROM_PREDECESSOR -> Messages.Failures_NotFromPredecessor(step);
                case LAST_TAG -> Messages.Failures_LastTag();
                case IMMUTABLE_TAG -> Messages.Failures_ImmutableTag();
                case BUILD_TAG_TAKEN -> Messages.Failures_BuildTagTaken(step);
                case IMAGE_OF_ANOTHER_BUILD -> Messages.Failures_ImageOfAnotherBuild();
                case SOURCE_MOVED -> Messages.Failures_SourceMoved();
            };
        }
        if (e instanceof RegistryException failure) {
            return switch (failure.reason()) {
                case AUTH -> Messages.Failures_Auth(step, SYSTEM_PAGE);
                case NOT_FOUND -> Messages.Failures_NotFound(step, SYSTEM_PAGE);
                case CONFLICT -> Messages.Failures_Conflict(step);
                case UNAVAILABLE -> Messages.Failures_Unavailable(step, SYSTEM_PAGE);
                case PROTOCOL -> Messages.Failures_Protocol(step, SYSTEM_PAGE);
            };
        }
        if (e instanceof InvalidInputException) {
            return Messages.Failures_Invalid(step, SYSTEM_PAGE);
        }
        return Messages.Failures_SeeDocs(step);
    }
}
