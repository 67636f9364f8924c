package io.jenkins.plugins.ecrpromotion.pages;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.Test;

/** Expiry and invalidation of the state cache, with a fake clock (no sleeping). */
public class StateCacheTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final StateCache<String> cache = new StateCache<>(Duration.ofSeconds(30), now::get);
    private final AtomicInteger loads = new AtomicInteger();

    private Supplier<StateCache.LiveState> loader(String reason) {
        return () -> {
            loads.incrementAndGet();
            return StateCache.LiveState.unavailable(reason + " " + loads.get());
        };
    }

    @Test
    public void get_withinTtl_servesCachedAnswer() {
        StateCache.LiveState first = cache.get("repo", loader("down"));
        now.addAndGet(29_999);
        assertSame(first, cache.get("repo", loader("down")));
        assertEquals(1, loads.get());
    }

    @Test
    public void get_afterTtl_loadsAgain() {
        cache.get("repo", loader("down"));
        now.addAndGet(30_000);
        StateCache.LiveState second = cache.get("repo", loader("down"));
        assertEquals(2, loads.get());
        assertEquals("down 2", second.unavailableReason());
    }

    @Test
    public void get_keysAreSeparate() {
        cache.get("a", loader("down"));
        cache.get("b", loader("down"));
        assertEquals(2, loads.get());
    }

    @Test
    public void invalidate_forcesReload() {
        cache.get("a", loader("down"));
        cache.get("b", loader("down"));
        cache.invalidateIf(k -> k.equals("a"));
        cache.get("a", loader("down"));
        cache.get("b", loader("down"));
        assertEquals(3, loads.get());
        cache.invalidate("b");
        cache.get("b", loader("down"));
        assertEquals(4, loads.get());
    }

    @Test
    public void get_whenAddingAnAnswer_evictsTheExpiredOnes() {
        for (int i = 0; i < 10; i++) {
            cache.get("old-" + i, loader("down"));
        }
        assertEquals(10, cache.size());
        now.addAndGet(30_000);
        cache.get("new", loader("down"));
        assertEquals("only the fresh answer is left", 1, cache.size());
    }

    @Test
    public void get_atTheCap_dropsTheOldestEntry() {
        StateCache<String> small = new StateCache<>(Duration.ofSeconds(30), 3, now::get);
        small.get("a", loader("down"));
        now.addAndGet(1);
        small.get("b", loader("down"));
        now.addAndGet(1);
        small.get("c", loader("down"));
        now.addAndGet(1);
        small.get("d", loader("down"));
        assertEquals(3, small.size());
        assertEquals(4, loads.get());

        small.get("b", loader("down"));
        small.get("c", loader("down"));
        small.get("d", loader("down"));
        assertEquals("b, c and d still cached", 4, loads.get());
        small.get("a", loader("down"));
        assertEquals("a was the oldest and went", 5, loads.get());
    }

    @Test
    public void get_reloadingAnExpiredKeyAtTheCap_keepsTheOthers() {
        StateCache<String> small = new StateCache<>(Duration.ofSeconds(30), 2, now::get);
        small.get("a", loader("down"));
        now.addAndGet(20_000);
        small.get("b", loader("down"));
        now.addAndGet(10_000);
        small.get("a", loader("down"));
        assertEquals(3, loads.get());
        assertEquals(2, small.size());
        small.get("b", loader("down"));
        assertEquals("b stayed: the expired a made room for itself", 3, loads.get());
    }

    @Test
    public void defaultCap_is500() {
        for (int i = 0; i < 600; i++) {
            cache.get("k" + i, loader("down"));
            now.incrementAndGet();
        }
        assertEquals(StateCache.DEFAULT_MAX_ENTRIES, cache.size());
        assertEquals(500, StateCache.DEFAULT_MAX_ENTRIES);
    }

    @Test
    public void unavailable_keepsOnlyTheFirstLine() {
        StateCache.LiveState s = StateCache.LiveState.unavailable("\n  Tried to x but failed because y  \njava.lang.Exception\n\tat a.b(C.java:1)");
        assertFalse(s.isAvailable());
        assertEquals("Tried to x but failed because y", s.unavailableReason());
        assertEquals("unknown error", StateCache.LiveState.unavailable(null).unavailableReason());
        assertTrue(StateCache.oneLine("x".repeat(1000)).length() <= 400);
    }

    @Test
    public void peek_showsTheLastAnswerPastItsTtlUntilKeepRunsOut_andNeverLoads() {
        StateCache<String> badges = new StateCache<>(Duration.ofSeconds(30), Duration.ofHours(1), 10, now::get);
        assertTrue(badges.peek("a").isEmpty());
        badges.get("a", loader("down"));
        now.addAndGet(Duration.ofMinutes(30).toMillis());
        assertEquals("down 1", badges.peek("a").orElseThrow().unavailableReason());
        // A page view after the TTL loads again; the badge saw the stale answer without loading.
        badges.get("a", loader("still down"));
        assertEquals(2, loads.get());
        now.addAndGet(Duration.ofMinutes(61).toMillis());
        assertTrue(badges.peek("a").isEmpty());
        assertEquals(2, loads.get());
    }

    /**
     * Attack: a reader fires many state requests at once while the answer is missing or expired (a cold cache, or a
     * registry that hangs for the whole timeout). Each used to start its own registry read, holding a request thread
     * and an outgoing connection for up to the timeout; one read must serve them all.
     */
    @Test
    public void get_concurrentMisses_shareOneRegistryRead() throws Exception {
        int viewers = 8;
        CountDownLatch release = new CountDownLatch(1);
        StateCache.LiveState answer = StateCache.LiveState.unavailable("slow");
        Supplier<StateCache.LiveState> slow = () -> {
            loads.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return answer;
        };
        List<StateCache.LiveState> seen = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < viewers; i++) {
            threads.add(new Thread(() -> seen.add(cache.get("repo", slow)), "viewer-" + i));
        }
        try {
            threads.forEach(Thread::start);
            // Every viewer is parked inside get: in its own registry read, or waiting for the shared one.
            while (!threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING
                    || t.getState() == Thread.State.BLOCKED)
                    && threads.stream().noneMatch(t -> t.getState() == Thread.State.TERMINATED)) {
                Thread.onSpinWait();
            }
            release.countDown();
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(viewers, seen.size());
            seen.forEach(s -> assertSame(answer, s));
            assertEquals("registry reads for " + viewers + " concurrent views", 1, loads.get());
        } finally {
            release.countDown();
        }
    }

    /**
     * Attack (race): a read that started before a click changed the registry must not be served after the click
     * forgot the state, neither to a view that asks then nor from the cache once it finishes: the page the click
     * redirects to would show the old state for the whole TTL.
     */
    @Test
    public void invalidate_duringARead_makesLaterViewsReadAgain_andDropsTheOldAnswer() throws Exception {
        CountDownLatch inRead = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        StateCache.LiveState before = StateCache.LiveState.unavailable("before the click");
        StateCache.LiveState after = StateCache.LiveState.unavailable("after the click");
        List<StateCache.LiveState> seen = new CopyOnWriteArrayList<>();
        Thread oldView = new Thread(() -> seen.add(cache.get("repo", () -> {
            loads.incrementAndGet();
            inRead.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return before;
        })), "old-view");
        try {
            oldView.start();
            inRead.await();
            cache.invalidateIf("repo"::equals); // the click's forget
            List<StateCache.LiveState> newSeen = new CopyOnWriteArrayList<>();
            Thread newView = new Thread(() -> newSeen.add(cache.get("repo", () -> {
                loads.incrementAndGet();
                return after;
            })), "new-view");
            newView.start();
            // it either reads on its own and ends, or parks waiting for the old read
            while (newView.getState() != Thread.State.TERMINATED && newView.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
            release.countDown();
            newView.join();
            assertEquals("the view after the click", List.of(after), newSeen);
        } finally {
            release.countDown();
            oldView.join();
        }
        assertEquals(List.of(before), seen);
        assertEquals(2, loads.get());
        assertSame("the old read must not replace the newer answer", after,
                cache.get("repo", loader("unexpected")));
        assertEquals(2, loads.get());
    }
}
