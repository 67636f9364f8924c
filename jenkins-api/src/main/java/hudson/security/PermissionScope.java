package hudson.security;

import hudson.model.ModelObject;

/**
 * Compile-only copy of the real {@code hudson.security.PermissionScope} signature (Jenkins core 2.541.1). The
 * scope constants are {@code null} here (non-constant initializers in Jenkins, so javac must not inline them).
 */
public final class PermissionScope {
    public static final PermissionScope JENKINS = null;
    public static final PermissionScope ITEM_GROUP = null;
    public static final PermissionScope ITEM = null;
    public static final PermissionScope RUN = null;
    public static final PermissionScope COMPUTER = null;

    public final Class<? extends ModelObject> modelClass;

    public PermissionScope(Class<? extends ModelObject> modelClass, PermissionScope... containers) {
        this.modelClass = modelClass;
    }

    public boolean isContainedBy(PermissionScope s) {
        throw new UnsupportedOperationException();
    }
}
