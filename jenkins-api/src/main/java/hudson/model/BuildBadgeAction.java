package hudson.model;

/**
 * Compile-only copy of the real {@code hudson.model.BuildBadgeAction} signature (Jenkins core 2.541.1): an action
 * of a build whose {@code badge.jelly} view is shown next to the build in the build history and on its page.
 */
public interface BuildBadgeAction extends Action {
}
