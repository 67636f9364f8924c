package hudson.security;

import org.springframework.security.core.Authentication;

/**
 * Compile-only copy of the real {@code hudson.security.ACL} signature (Jenkins core 2.541.1). {@link #SYSTEM2}
 * is {@code null} here (a non-constant initializer in Jenkins).
 * surface:partial (used, never extended by the plugin)
 */
public abstract class ACL {
    public static final Authentication SYSTEM2 = null;

    public static ACLContext as2(Authentication auth) {
        throw new UnsupportedOperationException();
    }

    public final void checkPermission(Permission p) {
        throw new UnsupportedOperationException();
    }

    public final boolean hasPermission(Permission p) {
        throw new UnsupportedOperationException();
    }

    public boolean hasPermission2(Authentication a, Permission permission) {
        throw new UnsupportedOperationException();
    }
}
