package io.github.ecrpromotion.oci.layout;

import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.core.registry.RegistryProvider;

/** Serves {@code oci:PATH} repositories (on-disk OCI image layouts); found by {@link java.util.ServiceLoader}. */
public final class LayoutRegistryProvider implements RegistryProvider {
    @Override
    public boolean supports(Repository repository) {
        return repository.kind() == Repository.Kind.LAYOUT;
    }

    /** Refuses when the options do not allow local layouts: a second line behind the Jenkins plugin's own check. */
    @Override
    public Registry open(Repository repository, RegistryOptions options) throws RegistryException {
        if (!options.localLayoutsAllowed()) {
            throw new RegistryException(RegistryException.Reason.AUTH, "Tried to open the OCI image layout "
                    + repository + " but failed because on-disk layouts are not allowed here");
        }
        return new LayoutRegistry(repository);
    }
}
