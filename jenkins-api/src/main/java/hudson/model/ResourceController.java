package hudson.model;

/**
 * Compile-only copy of the real {@code hudson.model.ResourceController} signature (Jenkins core 2.541.1): only
 * here as the superclass of {@link Queue}.
 * surface:partial (never used directly by the plugin)
 */
public class ResourceController {
}
