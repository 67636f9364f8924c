package io.jenkins.plugins.ecrpromotion.registry;

import hudson.AbortException;
import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.registry.Registries;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryOptions;

/**
 * A fully resolved registry target: the repository, its environment chain and how to reach it (region, endpoint,
 * credentials). Holds secrets inside {@link RegistryOptions}, so it is never persisted or logged; its
 * {@code toString()} delegates to {@link RegistryOptions#toString()}, which masks them.
 */
public record RegistryTarget(Repository repository, EnvironmentChain chain, RegistryOptions options) {

    /** Opens the repository with the backend that serves it; a failure becomes a one-line {@link AbortException}. */
    public Registry open() throws AbortException {
        return open("the step");
    }

    /** As {@link #open()}, naming {@code stepName} in the suggestion. */
    public Registry open(String stepName) throws AbortException {
        try {
            return Registries.open(repository, options);
        } catch (RegistryException e) {
            throw new AbortException(redact(Failures.message(e, stepName)));
        }
    }

    /** Replaces every secret this target carries with {@code ****} in {@code text} (belt and braces for log lines). */
    public String redact(String text) {
        return Redaction.of(options).apply(text);
    }
}
