package io.github.ecrpromotion.core;

/**
 * Root of every failure the core reports: invalid input, a refusal by policy, or a registry failure.
 *
 * <p>Messages follow "Tried to &lt;action&gt; &lt;what&gt; but failed because &lt;reason&gt;" and never
 * contain a secret. Front ends map the kinds to their own words and exit codes.
 */
public abstract class PromotionException extends Exception {
    private static final long serialVersionUID = 1L;

    protected PromotionException(String message, Throwable cause) {
        super(message, cause);
    }
}
