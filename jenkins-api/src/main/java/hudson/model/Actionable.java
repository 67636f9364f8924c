package hudson.model;

import java.util.List;

/**
 * Compile-only copy of the real {@code hudson.model.Actionable} signature (Jenkins core 2.541.1).
 * surface:partial (used through Run/Job, never extended by the plugin)
 */
public abstract class Actionable extends AbstractModelObject {
    public final List<? extends Action> getAllActions() {
        throw new UnsupportedOperationException();
    }

    public <T extends Action> List<T> getActions(Class<T> type) {
        throw new UnsupportedOperationException();
    }

    public void addAction(Action a) {
        throw new UnsupportedOperationException();
    }

    public void replaceAction(Action a) {
        throw new UnsupportedOperationException();
    }

    public boolean addOrReplaceAction(Action a) {
        throw new UnsupportedOperationException();
    }

    public boolean removeAction(Action a) {
        throw new UnsupportedOperationException();
    }

    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException();
    }
}
