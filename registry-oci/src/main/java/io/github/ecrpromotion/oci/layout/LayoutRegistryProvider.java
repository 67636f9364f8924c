package io.github.ecrpromotion.oci.layout;

import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.core.registry.RegistryProvider;

/** Serves {@code oci:PATH} repositories (on-disk OCI image layouts); found by {@link java.util.ServiceLoader}. */
public final class LayoutRegistryProvider implements RegistryProvider {
    @Override
    public boolean supports(Repository repository) {
        return repository.kind() == Repository.Kind.LAYOUT;
    }

    @Override
    public Registry open(Repository repository, RegistryOptions options) {
        return new LayoutRegistry(repository);
    }
}
