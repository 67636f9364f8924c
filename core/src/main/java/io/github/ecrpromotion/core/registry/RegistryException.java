package io.github.ecrpromotion.core.registry;

import io.github.ecrpromotion.core.PromotionException;

/** A registry could not do what was asked: auth, not found, conflict, unavailable or a protocol error (CLI exit 1). */
public class RegistryException extends PromotionException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, in terms a caller can act on. */
    public enum Reason {
        /** Credentials missing, wrong or not allowed to do this. */
        AUTH,
        /** The repository (or registry) does not exist. */
        NOT_FOUND,
        /** The registry refused the write because of its own state. */
        CONFLICT,
        /** The registry could not be reached, timed out or throttled us. */
        UNAVAILABLE,
        /** The registry answered something we do not understand or cannot trust. */
        PROTOCOL
    }

    private final Reason reason;
    private final boolean retryable;

    public RegistryException(Reason reason, String message, Throwable cause) {
        this(reason, message, cause, reason == Reason.UNAVAILABLE);
    }

    public RegistryException(Reason reason, String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.reason = reason;
        this.retryable = retryable;
    }

    public RegistryException(Reason reason, String message) {
        this(reason, message, null);
    }

    /** The CONFLICT a conditional write ({@link Registry#putManifestIf}) answers when the tag moved meanwhile. */
    public static RegistryException changedMeanwhile(io.github.ecrpromotion.core.ref.Repository repository,
            io.github.ecrpromotion.core.ref.Tag tag, io.github.ecrpromotion.core.ref.Digest writing,
            java.util.Optional<io.github.ecrpromotion.core.ref.Digest> expected,
            java.util.Optional<io.github.ecrpromotion.core.ref.Digest> now) {
        return new RegistryException(Reason.CONFLICT, "Tried to point " + tag + " at " + writing + " in " + repository
                + " but failed because another run changed " + tag + " since this run read it: it pointed at "
                + expected.map(Object::toString).orElse("nothing") + " and points at "
                + now.map(Object::toString).orElse("nothing") + " now; nothing was written");
    }

    public Reason reason() {
        return reason;
    }

    /** Whether the same call may succeed later (unreachable, throttled, 5xx). */
    public boolean isRetryable() {
        return retryable;
    }
}
