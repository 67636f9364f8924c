package io.github.ecrpromotion.testkit;

import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.Image;
import io.github.ecrpromotion.core.registry.PutResult;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.core.registry.RegistryException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The port-level twin of {@link RegistryFront}'s holds, for backends without HTTP (the on-disk layout, the in-memory
 * registry): a call naming a held tag waits, before it reaches the backend, until the test releases it.
 */
public final class GatedRegistry extends DelegatingRegistry {
    private static final long LIMIT_SECONDS = 300;
    private final Registry delegate;
    private final List<GateImpl> gates = new CopyOnWriteArrayList<>();
    private volatile boolean acknowledgeWrites;

    public GatedRegistry(Registry delegate) {
        super(delegate);
        this.delegate = delegate;
    }

    /** Holds the next {@code putManifest} of the tag. */
    public RaceContract.Gate holdWrite(Tag tag) {
        return add(new GateImpl(true, tag));
    }

    /** Holds the next read naming the tag: resolve, getManifest, or imagesOf including it. */
    public RaceContract.Gate holdRead(Tag tag) {
        return add(new GateImpl(false, tag));
    }

    /** Writes are answered as done and never reach the backend (a registry that stores nothing). */
    public void acknowledgeWritesWithoutStoring() {
        acknowledgeWrites = true;
    }

    /** This registry as one run of the race suite. */
    public RaceContract.Run asRun() {
        GatedRegistry gated = this;
        return new RaceContract.Run() {
            @Override
            public Registry registry() {
                return gated;
            }

            @Override
            public RaceContract.Gate holdWrite(Tag tag) {
                return gated.holdWrite(tag);
            }

            @Override
            public RaceContract.Gate holdRead(Tag tag) {
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

    private GateImpl add(GateImpl g) {
        gates.add(g);
        return g;
    }

    private void pass(boolean write, Predicate<Tag> names) {
        for (GateImpl g : gates) {
            if (g.write == write && names.test(g.tag) && g.claim()) {
                g.awaitRelease();
                gates.remove(g);
                return;
            }
        }
    }


    @Override
    public Optional<Digest> resolve(ImageRef ref) throws RegistryException {
        pass(false, t -> ref.tag().filter(t::equals).isPresent());
        return delegate.resolve(ref);
    }

    @Override
    public Optional<RawManifest> getManifest(ImageRef ref) throws RegistryException {
        pass(false, t -> ref.tag().filter(t::equals).isPresent());
        return delegate.getManifest(ref);
    }

    @Override
    public PutResult putManifest(Tag tag, RawManifest manifest) throws RegistryException {
        pass(true, tag::equals);
        if (acknowledgeWrites) {
            return new PutResult(manifest.digest(), true);
        }
        return delegate.putManifest(tag, manifest);
    }

    @Override
    public PutResult putManifestIf(Tag tag, RawManifest manifest, Optional<Digest> expected) throws RegistryException {
        pass(true, tag::equals);
        if (acknowledgeWrites) {
            return new PutResult(manifest.digest(), true);
        }
        return delegate.putManifestIf(tag, manifest, expected);
    }



    @Override
    public Map<Tag, Image> imagesOf(List<Tag> tags, Predicate<Tag> wanted, Comparator<Tag> order) throws RegistryException {
        pass(false, tags::contains);
        return delegate.imagesOf(tags, wanted, order);
    }


    @Override
    public void close() {
        gates.forEach(GateImpl::release);
        delegate.close();
    }

    private static final class GateImpl implements RaceContract.Gate {
        private final boolean write;
        private final Tag tag;
        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        GateImpl(boolean write, Tag tag) {
            this.write = write;
            this.tag = tag;
        }

        synchronized boolean claim() {
            if (arrived.getCount() == 0) {
                return false;
            }
            arrived.countDown();
            return true;
        }

        void awaitRelease() {
            try {
                released.await(LIMIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void awaitArrived() throws InterruptedException {
            if (!arrived.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("no " + (write ? "write" : "read") + " of " + tag + " arrived within 60 s");
            }
        }

        @Override
        public void release() {
            released.countDown();
        }
    }
}
