package io.jenkins.plugins.ecrpromotion.registry;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import hudson.AbortException;
import io.github.ecrpromotion.core.InvalidInputException;
import io.github.ecrpromotion.core.PromotionRefusedException;
import io.github.ecrpromotion.core.PromotionRefusedException.Policy;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryException.Reason;
import org.junit.Test;

public class FailuresTest {

    @Test
    public void abort_keepsTheCoreMessageThenOneSuggestion_onOneLine() {
        AbortException e = Failures.abort(new RegistryException(Reason.NOT_FOUND,
                "Tried to list tags of x but failed because the repository does not exist"), "ecrPromote");
        assertEquals("Tried to list tags of x but failed because the repository does not exist. Check repository: "
                + "(and region:) in ecrPromote or the default registry in Manage Jenkins -> System -> ECR Promotion.",
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    public void abort_doesNotDoubleTheCoresTrailingPeriod() {
        AbortException e = Failures.abort(new InvalidInputException("Tried to x but failed because y."), "ecrState");
        assertTrue(e.getMessage(), e.getMessage().startsWith("Tried to x but failed because y. Check the parameters of ecrState"));
    }

    @Test
    public void suggestion_coversEveryPolicyAndNamesTheStepWhereItHelps() {
        for (Policy p : Policy.values()) {
            String s = Failures.suggestion(new PromotionRefusedException(p, "m"), "ecrPromote");
            assertTrue(p + ": " + s, s.endsWith("."));
        }
        assertTrue(Failures.suggestion(new PromotionRefusedException(Policy.NOT_FROM_PREDECESSOR, "m"), "ecrPromote")
                .contains("buildTag: or digest: in ecrPromote"));
        assertTrue(Failures.suggestion(new PromotionRefusedException(Policy.IMMUTABLE_TAG, "m"), "ecrPromote")
                .contains("MUTABLE"));
        assertTrue(Failures.suggestion(new PromotionRefusedException(Policy.LAST_TAG, "m"), "ecrPromote")
                .contains("ecrBuildTag(repository:"));
    }

    @Test
    public void suggestion_coversEveryRegistryReason() {
        for (Reason r : Reason.values()) {
            String s = Failures.suggestion(new RegistryException(r, "m"), "ecrState");
            assertTrue(r + ": " + s, s.contains("ecrState"));
        }
        assertTrue(Failures.suggestion(new RegistryException(Reason.AUTH, "m"), "ecrState")
                .contains("credentialsId: in ecrState"));
    }

    @Test
    public void abort_withoutStepName_saysTheStep() {
        assertTrue(Failures.abort(new RegistryException(Reason.CONFLICT, "m"), null).getMessage().contains("run the step again"));
    }
}
