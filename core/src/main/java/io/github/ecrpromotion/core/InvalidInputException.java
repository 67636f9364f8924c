package io.github.ecrpromotion.core;

/** The caller gave something malformed or absent: a tag, digest, reference or environment (CLI exit 2). */
public class InvalidInputException extends PromotionException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message, null);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
