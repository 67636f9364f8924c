package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;
import java.util.concurrent.TimeUnit;

/**
 * Compile-only copy of the real {@code org.jenkinsci.plugins.workflow.steps.StepExecution} signature
 * (workflow-step-api 710). {@link #getContext()} returns the constructor's context, as in the real class.
 */
public abstract class StepExecution implements Serializable {
    private static final long serialVersionUID = 1L;

    private final StepContext context;

    @Deprecated
    protected StepExecution() {
        this.context = null;
    }

    protected StepExecution(StepContext context) {
        this.context = context;
    }

    public StepContext getContext() {
        if (context == null) {
            throw new IllegalStateException("not given a context");
        }
        return context;
    }

    public abstract boolean start() throws Exception;

    public void stop(Throwable cause) throws Exception {
        throw new UnsupportedOperationException();
    }

    public void onResume() {
    }

    public String getStatus() {
        throw new UnsupportedOperationException();
    }

    public final String getStatusBounded(long timeout, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    public boolean blocksRestart() {
        throw new UnsupportedOperationException();
    }
}
