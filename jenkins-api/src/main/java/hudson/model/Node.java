package hudson.model;

/**
 * Compile-only copy of the real {@code hudson.model.Node} signature (Jenkins core 2.541.1); only here because it
 * is a superclass of {@code Jenkins}.
 * surface:partial (never extended by the plugin)
 */
public abstract class Node extends AbstractModelObject {
}
