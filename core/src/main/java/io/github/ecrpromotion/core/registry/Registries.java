package io.github.ecrpromotion.core.registry;

import io.github.ecrpromotion.core.ref.Repository;
import java.util.ServiceLoader;

/** Opens a repository with whichever installed backend serves it. */
public final class Registries {
    private Registries() {
    }

    /** Opens with the providers visible to the core's own class loader (one plugin or one CLI jar set). */
    public static Registry open(Repository repository, RegistryOptions options) throws RegistryException {
        return open(repository, options, Registries.class.getClassLoader());
    }

    public static Registry open(Repository repository, RegistryOptions options, ClassLoader loader) throws RegistryException {
        for (RegistryProvider p : ServiceLoader.load(RegistryProvider.class, loader)) {
            if (p.supports(repository)) {
                return p.open(repository, options);
            }
        }
        throw new RegistryException(RegistryException.Reason.PROTOCOL, "Tried to open " + repository
                + " but failed because no installed backend serves " + repository.kind() + " repositories");
    }
}
