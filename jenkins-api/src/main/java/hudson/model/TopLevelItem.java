package hudson.model;

/**
 * Compile-only copy of the real {@code hudson.model.TopLevelItem} signature (Jenkins core 2.541.1); only here
 * because {@code Jenkins} is an {@code ItemGroup<TopLevelItem>}.
 * surface:partial (used, never implemented by the plugin)
 */
public interface TopLevelItem extends Item {
}
