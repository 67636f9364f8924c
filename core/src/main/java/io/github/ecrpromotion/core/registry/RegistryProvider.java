package io.github.ecrpromotion.core.registry;

import io.github.ecrpromotion.core.ref.Repository;

/**
 * A backend, found with {@link java.util.ServiceLoader} so the core never imports one: ECR, OCI distribution,
 * on-disk layout.
 */
public interface RegistryProvider {
    /** Whether this backend serves the repository's kind. */
    boolean supports(Repository repository);

    /** Opens the repository; nothing is read or written yet. */
    Registry open(Repository repository, RegistryOptions options) throws RegistryException;
}
