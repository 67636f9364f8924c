package io.github.ecrpromotion.oci.http;

import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.core.registry.RegistryProvider;

/** Serves {@code host[:port]/name} repositories of non-ECR registries over the OCI distribution API; found by ServiceLoader. */
public final class OciRegistryProvider implements RegistryProvider {
    @Override
    public boolean supports(Repository repository) {
        return repository.kind() == Repository.Kind.REGISTRY;
    }

    @Override
    public Registry open(Repository repository, RegistryOptions options) {
        return new OciRegistry(repository, options);
    }
}
