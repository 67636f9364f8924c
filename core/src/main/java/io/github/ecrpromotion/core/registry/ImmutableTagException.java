package io.github.ecrpromotion.core.registry;

/**
 * The registry refused to move a tag because the repository's tags are immutable (ECR's
 * ImageTagAlreadyExistsException). A {@link Reason#CONFLICT} that the executor turns into a refusal by policy.
 */
public class ImmutableTagException extends RegistryException {
    private static final long serialVersionUID = 1L;

    public ImmutableTagException(String message, Throwable cause) {
        super(Reason.CONFLICT, message, cause, false);
    }
}
