package io.github.ecrpromotion.oci.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.BuildTagDigests;
import io.github.ecrpromotion.core.registry.RegistryException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;

/** The walk of {@link ImageLookup} over a scripted registry: order, batches, concurrency, and what memory may decide. */
public class ImageLookupTest {
    private static final Repository REPO = Repository.of("registry.example/app");

    /** Build tags newest first: build {@code newest} down to build 1. */
    private static List<Tag> builds(int newest) {
        List<Tag> out = new ArrayList<>();
        for (int n = newest; n >= 1; n--) {
            out.add(build(n));
        }
        return out;
    }

    private static Tag build(int n) {
        return Tag.of(String.format("2024.01.01T00.00.00Z.%07x-app-%d", n, n));
    }

    private static Digest image(String name) {
        return Digest.sha256(name.getBytes(StandardCharsets.UTF_8));
    }

    /** A registry where build n names image "n", except where {@code truth} says otherwise; records what is asked. */
    private static final class Scripted implements ImageLookup.Resolver {
        final Map<Tag, Optional<Digest>> truth = new HashMap<>();
        final List<Tag> asked = new CopyOnWriteArrayList<>();

        @Override
        public Optional<Digest> resolve(Tag tag) {
            asked.add(tag);
            if (truth.containsKey(tag)) {
                return truth.get(tag);
            }
            String v = tag.value();
            return Optional.of(image(v.substring(v.lastIndexOf('-') + 1)));
        }
    }

    private static ImageLookup lookup(BuildTagDigests store, Scripted registry) {
        return new ImageLookup(REPO, store);
    }

    private static Map<Digest, Tag> walk(ImageLookup l, Scripted r, List<Tag> candidates, Set<Digest> wanted)
            throws RegistryException {
        // Every answer is recorded, as OciRegistry's resolver does.
        return l.firstTags(candidates, wanted, Map.of(), t -> {
            Optional<Digest> d = r.resolve(t);
            l.observed(t, d);
            return d;
        });
    }

    @Test
    public void cold_asksNewestFirstInBatchesOf1_2_4_8_andStopsAtTheBatchThatFindsTheLastImage() throws Exception {
        Scripted r = new Scripted();
        try (ImageLookup l = lookup(BuildTagDigests.NONE, r)) {
            Map<Digest, Tag> found = walk(l, r, builds(40), Set.of(image("30")));
            assertEquals(Map.of(image("30"), build(30)), found);
            // 1 + 2 + 4 + 8 = 15 tags: builds 40 to 26; build 30 is in the batch of 8.
            assertEquals(15, r.asked.size());
            assertEquals(Set.copyOf(builds(40).subList(0, 15)), Set.copyOf(r.asked));
        }
    }

    @Test
    public void theFirstTagInOrderWins_evenWhenALaterOneInTheSameBatchNamesTheImageToo() throws Exception {
        Scripted r = new Scripted();
        r.truth.put(build(37), Optional.of(image("35")));
        try (ImageLookup l = lookup(BuildTagDigests.NONE, r)) {
            assertEquals(build(37), walk(l, r, builds(40), Set.of(image("35"))).get(image("35")));
        }
    }

    @Test
    public void warm_skipsRememberedTagsAndConfirmsTheHitWithOneHead() throws Exception {
        BuildTagDigests store = BuildTagDigests.inMemory();
        Scripted cold = new Scripted();
        try (ImageLookup l = lookup(store, cold)) {
            walk(l, cold, builds(40), Set.of(image("3")));
        }
        Scripted warm = new Scripted();
        try (ImageLookup l = lookup(store, warm)) {
            assertEquals(build(3), walk(l, warm, builds(40), Set.of(image("3"))).get(image("3")));
        }
        assertEquals(List.of(build(3)), warm.asked);
    }

    @Test
    public void aRememberedHitTheRegistryContradicts_isForgottenAndTheWalkGoesOn() throws Exception {
        BuildTagDigests store = BuildTagDigests.inMemory();
        store.update(REPO, Map.of(build(40), image("3")), Set.of());
        Scripted r = new Scripted();
        try (ImageLookup l = lookup(store, r)) {
            assertEquals(build(3), walk(l, r, builds(40), Set.of(image("3"))).get(image("3")));
        }
        assertEquals(image("40"), store.load(REPO).get(build(40)));
    }

    @Test
    public void noTagNamesTheImage_isConcludedOnlyAfterAskingEveryRememberedTag() throws Exception {
        BuildTagDigests store = BuildTagDigests.inMemory();
        Map<Tag, Digest> all = new HashMap<>();
        for (Tag t : builds(40)) {
            all.put(t, image("elsewhere " + t));
        }
        store.update(REPO, all, Set.of());
        Scripted r = new Scripted();
        try (ImageLookup l = lookup(store, r)) {
            // Memory says no build names image 17; the registry says build 17 does.
            assertEquals(build(17), walk(l, r, builds(40), Set.of(image("17"))).get(image("17")));
            assertEquals(Map.of(), walk(l, r, builds(40), Set.of(image("new"))));
        }
        assertEquals("every tag asked once: the second walk reuses the first's answers", 40, r.asked.size());
    }

    @Test
    public void resolveAll_keepsEightInFlight_neverMore() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CyclicBarrier eight = new CyclicBarrier(ImageLookup.PARALLEL);
        try (ImageLookup l = new ImageLookup(REPO, BuildTagDigests.NONE)) {
            // As after the run's first answered request (the first of all goes alone, see below).
            l.observed(Tag.of("testing"), Optional.empty());
            Map<Tag, Optional<Digest>> answers = l.resolveAll(builds(24), t -> {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    // Each HEAD waits until eight are in flight together: only 8 at once lets this finish.
                    eight.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    throw new IllegalStateException("fewer than 8 HEADs in flight at once", e);
                } finally {
                    inFlight.decrementAndGet();
                }
                return Optional.of(image(t.value()));
            });
            assertEquals(24, answers.size());
            assertEquals(builds(24), List.copyOf(answers.keySet()));
        }
        assertEquals(ImageLookup.PARALLEL, most.get());
    }

    @Test
    public void theFirstRequestOfARegistryObject_goesAlone_soAuthIsSettledOnce() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        try (ImageLookup l = new ImageLookup(REPO, BuildTagDigests.NONE)) {
            l.resolveAll(builds(5), t -> {
                events.add("start " + t);
                events.add("end " + t);
                return Optional.empty();
            });
        }
        assertEquals(List.of("start " + build(5), "end " + build(5)), events.subList(0, 2));
        assertEquals(10, events.size());
    }

    @Test
    public void aFailedHead_failsTheLookupWithItsOwnError() throws Exception {
        try (ImageLookup l = new ImageLookup(REPO, BuildTagDigests.NONE)) {
            RegistryException e = assertThrows(RegistryException.class, () -> l.resolveAll(builds(10), t -> {
                if (t.equals(build(4))) {
                    throw new RegistryException(RegistryException.Reason.UNAVAILABLE, "Tried to resolve " + t + " but failed");
                }
                return Optional.of(image(t.value()));
            }));
            assertTrue(e.getMessage(), e.getMessage().contains(build(4).value()));
        }
    }
}
