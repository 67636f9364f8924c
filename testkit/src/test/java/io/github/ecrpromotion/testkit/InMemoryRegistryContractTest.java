package io.github.ecrpromotion.testkit;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.registry.Registry;

/** The contract suite against the in-memory registry. */
public class InMemoryRegistryContractTest extends RegistryContract {
    private InMemoryRegistry memory;

    @Override
    protected Registry newRegistry() {
        memory = new InMemoryRegistry();
        return memory;
    }

    @Override
    protected Registry missingRepository() {
        return new InMemoryRegistry().missing(true);
    }

    @Override
    protected void seed(SyntheticImage image, String tag) {
        for (SyntheticImage child : image.children()) {
            memory.seed("child-" + child.manifest().digest().hex().substring(0, 12), child.manifest());
        }
        memory.seed(tag, image.manifest());
    }
}
