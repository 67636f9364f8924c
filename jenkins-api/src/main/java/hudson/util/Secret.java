package hudson.util;

import java.io.Serializable;

/**
 * Compile-only copy of the real {@code hudson.util.Secret} signature (Jenkins core 2.541.1): a value encrypted
 * with the controller's key. Final, as in Jenkins (mock it with Mockito's inline mock maker).
 */
public final class Secret implements Serializable {
    private static final long serialVersionUID = 1L;

    private Secret() {
    }

    public String getPlainText() {
        throw new UnsupportedOperationException();
    }

    public String getEncryptedValue() {
        throw new UnsupportedOperationException();
    }

    public static Secret decrypt(String data) {
        throw new UnsupportedOperationException();
    }

    public static Secret fromString(String data) {
        throw new UnsupportedOperationException();
    }

    public static String toString(Secret s) {
        throw new UnsupportedOperationException();
    }
}
