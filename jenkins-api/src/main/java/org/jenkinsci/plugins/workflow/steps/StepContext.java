package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.ListenableFuture;
import java.io.IOException;
import java.io.Serializable;

/**
 * Compile-only copy of the real {@code org.jenkinsci.plugins.workflow.steps.StepContext} signature
 * (workflow-step-api 710; an abstract class, not an interface). {@code onFailure(Throwable)} comes from Guava.
 * surface:partial (used and mocked, never implemented by the plugin)
 */
public abstract class StepContext implements FutureCallback<Object>, Serializable {
    private static final long serialVersionUID = 1L;

    public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;

    @Override
    public abstract void onSuccess(Object result);

    public abstract boolean isReady();

    public abstract ListenableFuture<Void> saveState();
}
