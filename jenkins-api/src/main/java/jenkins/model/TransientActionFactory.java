package jenkins.model;

import hudson.ExtensionPoint;
import hudson.model.Action;
import java.util.Collection;

/**
 * Compile-only copy of the real {@code jenkins.model.TransientActionFactory} signature (Jenkins core 2.541.1):
 * adds actions to every object of a type (a job, a build) without persisting them.
 *
 * @param <T> the type of object the actions are added to
 */
public abstract class TransientActionFactory<T> implements ExtensionPoint {
    /** The type of object this factory adds actions to. */
    public abstract Class<T> type();

    /** The type of the actions it creates, so core asks it only when that type is wanted. */
    public Class<? extends Action> actionType() {
        throw new UnsupportedOperationException();
    }

    /** The actions for one object; called often, so it must be cheap. */
    public abstract Collection<? extends Action> createFor(T target);
}
