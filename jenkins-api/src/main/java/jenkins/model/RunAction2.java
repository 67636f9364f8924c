package jenkins.model;

import hudson.model.Action;
import hudson.model.Run;

/** Compile-only copy of the real {@code jenkins.model.RunAction2} signature (Jenkins core 2.541.1). */
public interface RunAction2 extends Action {
    void onAttached(Run<?, ?> r);

    void onLoad(Run<?, ?> r);
}
