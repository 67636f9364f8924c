package io.github.ecrpromotion.testkit;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.Registry;

/** The race suite on the in-memory registry, its runs held at the port. */
public class InMemoryRaceTest extends RaceContract {
    private InMemoryRegistry memory;

    @Override
    protected void newRepository() {
        memory = new InMemoryRegistry();
    }

    @Override
    protected Run newRun() {
        GatedRegistry gated = new GatedRegistry(memory);
        return new Run() {
            @Override
            public Registry registry() {
                return gated;
            }

            @Override
            public Gate holdWrite(Tag tag) {
                return gated.holdWrite(tag);
            }

            @Override
            public Gate holdRead(Tag tag) {
                return gated.holdRead(tag);
            }

            @Override
            public void acknowledgeWritesWithoutStoring() {
                gated.acknowledgeWritesWithoutStoring();
            }

            @Override
            public void close() {
                gated.close();
            }
        };
    }

    @Override
    protected void seed(SyntheticImage image, String tag) {
        memory.seed(tag, image.manifest());
    }
}
