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

    /**
     * A failure that only a setting of the client fixes, so that each front end can name the fix in its own options
     * (the CLI's flags, the plugin's fields) without reading the message's wording.
     */
    public enum Remedy {
        /** The registry's TLS certificate was signed by no CA this run trusts: trust that CA (or skip verification). */
        TRUST_CA,
        /** The registry's TLS certificate names another host: use that name (or skip verification). */
        CERTIFICATE_HOST,
        /** The registry serves HTTPS and was spoken to over plain HTTP. */
        USE_TLS,
        /** The TLS handshake failed otherwise, for example because the server does not speak TLS there. */
        CHECK_TLS,
        /** A Docker credential helper named by the Docker config is missing, failed or did not answer in time. */
        CREDENTIAL_HELPER,
        /** AWS (ECR or STS) found no credentials, or refused the ones it was given. */
        AWS_CREDENTIALS
    }

    private final Reason reason;
    private final boolean retryable;
    private final Remedy remedy;

    public RegistryException(Reason reason, String message, Throwable cause) {
        this(reason, message, cause, reason == Reason.UNAVAILABLE);
    }

    public RegistryException(Reason reason, String message, Throwable cause, boolean retryable) {
        this(reason, message, cause, retryable, null);
    }

    /** As the other constructors, with the client setting that would fix it ({@code null}: none known). */
    public RegistryException(Reason reason, String message, Throwable cause, boolean retryable, Remedy remedy) {
        super(message, cause);
        this.reason = reason;
        this.retryable = retryable;
        this.remedy = remedy;
    }

    /**
     * The same failure told in other words (attempts added, secrets removed): reason, retryability and remedy kept,
     * with {@code cause} as the cause and this exception's stack trace.
     */
    public RegistryException withMessage(String message, Throwable cause) {
        RegistryException copy = new RegistryException(reason, message, cause, retryable, remedy);
        copy.setStackTrace(getStackTrace());
        return copy;
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

    /** The client setting that would fix this failure, when it is one of those. */
    public java.util.Optional<Remedy> remedy() {
        return java.util.Optional.ofNullable(remedy);
    }

    /** Whether the same call may succeed later (unreachable, throttled, 5xx). */
    public boolean isRetryable() {
        return retryable;
    }
}
