package org.jenkinsci.plugins.workflow.steps;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

/** Compile-only copy of the real {@code org.jenkinsci.plugins.workflow.steps.Step} signature (workflow-step-api 710). */
@SuppressWarnings("deprecation") // AbstractDescribableImpl is deprecated in core but still Step's real superclass
public abstract class Step extends AbstractDescribableImpl<Step> implements ExtensionPoint {
    public abstract StepExecution start(StepContext context) throws Exception;

    @Override
    public StepDescriptor getDescriptor() {
        throw new UnsupportedOperationException();
    }
}
