package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

/**
 * Compile-only copy of the real {@code hudson.model.Item} signature (Jenkins core 2.541.1). The permission
 * constants have non-constant initializers in Jenkins; here they are {@code null} so javac never inlines them.
 * surface:partial (used, never implemented by the plugin)
 */
public interface Item extends AccessControlled {
    Permission CREATE = null;
    Permission DELETE = null;
    Permission CONFIGURE = null;
    Permission READ = null;
    Permission DISCOVER = null;
    Permission EXTENDED_READ = null;
    Permission BUILD = null;
    Permission WORKSPACE = null;
    Permission WIPEOUT = null;
    Permission CANCEL = null;

    ItemGroup<? extends Item> getParent();

    String getName();

    String getFullName();

    String getDisplayName();

    String getUrl();
}
