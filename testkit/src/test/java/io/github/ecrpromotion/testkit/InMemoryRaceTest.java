package io.github.ecrpromotion.testkit;

import io.github.ecrpromotion.core.image.SyntheticImage;

/** The race suite on the in-memory registry, its runs held at the port. */
public class InMemoryRaceTest extends RaceContract {
    private InMemoryRegistry memory;

    @Override
    protected void newRepository() {
        memory = new InMemoryRegistry();
    }

    @Override
    protected Run newRun() {
        return new GatedRegistry(memory).asRun();
    }

    @Override
    protected void seed(SyntheticImage image, String tag) {
        memory.seed(tag, image.manifest());
    }
}
