package hudson.model;

/**
 * Compile-only copy of the real {@code hudson.model.AbstractModelObject} signature (Jenkins core 2.541.1).
 * surface:partial (superclass of the model types; the plugin never extends it directly)
 */
public abstract class AbstractModelObject {
}
