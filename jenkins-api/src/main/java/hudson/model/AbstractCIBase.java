package hudson.model;

/**
 * Compile-only copy of the real {@code hudson.model.AbstractCIBase} signature (Jenkins core 2.541.1); only here
 * because it is the superclass of {@code Jenkins}.
 * surface:partial (never extended by the plugin)
 */
public abstract class AbstractCIBase extends Node {
}
