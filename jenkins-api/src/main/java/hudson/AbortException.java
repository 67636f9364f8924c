package hudson;

import java.io.IOException;

/**
 * Compile-only copy of the real {@code hudson.AbortException} signature (Jenkins core 2.541.1):
 * a build failure reported as a clean log line, without a stack trace.
 */
public class AbortException extends IOException {
    public AbortException() {
    }

    public AbortException(String message) {
        super(message);
    }
}
