package hudson.security;

/**
 * Compile-only copy of the real {@code hudson.security.ACLContext} signature (Jenkins core 2.541.1): restores the
 * previous authentication when closed.
 * surface:partial (used, never created by the plugin)
 */
public class ACLContext implements AutoCloseable {
    ACLContext() {
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException();
    }
}
