package hudson.util;

import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;

/**
 * Compile-only copy of the real {@code hudson.util.FormValidation} signature (Jenkins core 2.541.1): the result
 * of a {@code doCheckX} form check. The factories return an instance with the right {@link #kind} and message
 * so checks can be unit-tested; unlike Jenkins, the message is not HTML-escaped here and rendering throws.
 */
public abstract class FormValidation extends IOException implements HttpResponse {
    /** Compile-only copy of the real {@code hudson.util.FormValidation.Kind} signature. */
    public enum Kind {
        OK,
        WARNING,
        ERROR
    }

    public final Kind kind;

    private FormValidation(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** The surface's only implementation. */
    private static final class Simple extends FormValidation {
        private static final long serialVersionUID = 1L;

        Simple(Kind kind, String message) {
            super(kind, message);
        }

        @Override
        public String renderHtml() {
            throw new UnsupportedOperationException();
        }
    }

    public static FormValidation ok() {
        return new Simple(Kind.OK, null);
    }

    public static FormValidation ok(String message) {
        return new Simple(Kind.OK, message);
    }

    public static FormValidation ok(String format, Object... args) {
        return ok(String.format(format, args));
    }

    public static FormValidation warning(String message) {
        return new Simple(Kind.WARNING, message);
    }

    public static FormValidation warning(String format, Object... args) {
        return warning(String.format(format, args));
    }

    public static FormValidation warning(Throwable e, String message) {
        return warning(message);
    }

    public static FormValidation error(String message) {
        return new Simple(Kind.ERROR, message);
    }

    public static FormValidation error(String format, Object... args) {
        return error(String.format(format, args));
    }

    public static FormValidation error(Throwable e, String message) {
        return error(message);
    }

    public static FormValidation validateRequired(String value) {
        return value == null || value.trim().isEmpty() ? error("This field is required.") : ok();
    }

    public abstract String renderHtml();
}
