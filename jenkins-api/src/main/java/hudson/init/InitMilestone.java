package hudson.init;

/**
 * Compile-only copy of the real {@code hudson.init.InitMilestone} constants (surface:partial; the real enum also
 * implements the reactor's {@code Milestone}, which the plugin never uses).
 */
public enum InitMilestone {
    STARTED,
    PLUGINS_LISTED,
    PLUGINS_PREPARED,
    PLUGINS_STARTED,
    EXTENSIONS_AUGMENTED,
    SYSTEM_CONFIG_LOADED,
    SYSTEM_CONFIG_ADAPTED,
    JOB_LOADED,
    JOB_CONFIG_ADAPTED,
    COMPLETED
}
