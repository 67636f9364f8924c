package org.jenkinsci.plugins.workflow.steps;

/**
 * Compile-only copy of the real {@code org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution}
 * signature (workflow-step-api 710): runs {@link #run()} on a background thread, so blocking I/O is fine.
 */
public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {
    private static final long serialVersionUID = 1L;

    protected SynchronousNonBlockingStepExecution(StepContext context) {
        super(context);
    }

    protected abstract T run() throws Exception;

    @Override
    public final boolean start() throws Exception {
        throw new UnsupportedOperationException();
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        throw new UnsupportedOperationException();
    }

    @Override
    public void onResume() {
        throw new UnsupportedOperationException();
    }
}
