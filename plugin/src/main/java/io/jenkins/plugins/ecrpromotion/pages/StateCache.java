package io.jenkins.plugins.ecrpromotion.pages;

import io.jenkins.plugins.ecrpromotion.registry.Failures;

import io.github.ecrpromotion.core.env.PipelineState;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A brief cache of live pipeline states, keyed by what decides the answer (repository and registry settings), so a
 * build page viewed often does not query the registry on every view. Failures are cached too: a registry that is
 * down must not make every page view wait for the timeout. Bounded: expired entries are dropped whenever an answer
 * is added, and beyond {@link #DEFAULT_MAX_ENTRIES} (or the given cap) the oldest entry goes, so a controller showing
 * many repositories over months does not keep every answer it ever read.
 *
 * @param <K> the key; it must not hold a secret (it lives in memory only, but is easy to log by mistake)
 */
public final class StateCache<K> {
    /** The cap when none is given: far more repositories and settings than one page shows. */
    public static final int DEFAULT_MAX_ENTRIES = 500;

    private final Duration ttl;
    private final Duration keep;
    private final int maxEntries;
    private final LongSupplier clockMillis;
    private final Map<K, Entry> entries = new ConcurrentHashMap<>();
    /** The loads running now, one per key: later misses wait for it instead of reading the registry again. */
    private final Map<K, CompletableFuture<LiveState>> loading = new ConcurrentHashMap<>();

    /** @param clockMillis the time source; tests pass a fake one to check expiry without sleeping */
    public StateCache(Duration ttl, LongSupplier clockMillis) {
        this(ttl, DEFAULT_MAX_ENTRIES, clockMillis);
    }

    /** @param maxEntries how many answers are kept at most; the oldest goes first */
    public StateCache(Duration ttl, int maxEntries, LongSupplier clockMillis) {
        this(ttl, ttl, maxEntries, clockMillis);
    }

    /**
     * @param ttl  how long an answer serves {@link #get}
     * @param keep how long an answer stays for {@link #peek} (at least {@code ttl}): badges show the last known state
     *             without reaching the registry
     */
    public StateCache(Duration ttl, Duration keep, int maxEntries, LongSupplier clockMillis) {
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.keep = Objects.requireNonNull(keep, "keep").compareTo(ttl) < 0 ? ttl : keep;
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.clockMillis = Objects.requireNonNull(clockMillis, "clockMillis");
    }

    /**
     * The cached state for this key when still fresh, else the loader's answer (which is then cached). Concurrent
     * misses for one key share one load: a burst of page views (or a reader firing requests on purpose) while the
     * registry is slow costs one registry read, not one per request. Hits stay lock-free.
     */
    public LiveState get(K key, Supplier<LiveState> loader) {
        long now = clockMillis.getAsLong();
        Entry e = entries.get(key);
        if (e != null && isFresh(e, now)) {
            return e.state;
        }
        CompletableFuture<LiveState> mine = new CompletableFuture<>();
        CompletableFuture<LiveState> running = loading.putIfAbsent(key, mine);
        if (running != null) {
            return join(running);
        }
        try {
            // another load may have finished between the first look and the claim
            Entry again = entries.get(key);
            if (again != null && isFresh(again, clockMillis.getAsLong())) {
                mine.complete(again.state);
                return again.state;
            }
            LiveState loaded = Objects.requireNonNull(loader.get(), "loader answer");
            // Forgotten while reading (a click changed the registry): answer this view, but cache nothing old.
            // (under the lock the invalidations take, so none slips in between)
            synchronized (this) {
                if (loading.remove(key, mine)) {
                    put(key, new Entry(loaded, now));
                }
            }
            mine.complete(loaded);
            return loaded;
        } catch (RuntimeException | Error t) {
            mine.completeExceptionally(t);
            throw t;
        } finally {
            loading.remove(key, mine);
        }
    }

    private static LiveState join(CompletableFuture<LiveState> running) {
        try {
            return running.join();
        } catch (CompletionException ce) {
            if (ce.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (ce.getCause() instanceof Error err) {
                throw err;
            }
            throw ce;
        }
    }

    private boolean isFresh(Entry e, long now) {
        return now - e.loadedAt < ttl.toMillis();
    }

    private boolean isKept(Entry e, long now) {
        return now - e.loadedAt < keep.toMillis();
    }

    /** The last answer for this key, fresh or not, while it is kept; never loads. */
    public Optional<LiveState> peek(K key) {
        Entry e = entries.get(key);
        return e != null && isKept(e, clockMillis.getAsLong()) ? Optional.of(e.state) : Optional.empty();
    }

    /**
     * Adds an answer after dropping the expired ones and, at the cap, the oldest. Only a miss (which has just waited
     * for the registry) comes here, so the scan of at most {@code maxEntries} entries costs nothing noticeable; the
     * lock keeps two misses from evicting past each other, hits stay lock-free.
     */
    private synchronized void put(K key, Entry entry) {
        long now = entry.loadedAt;
        entries.values().removeIf(e -> !isKept(e, now));
        entries.remove(key);
        while (entries.size() >= maxEntries) {
            K oldest = null;
            long oldestAt = Long.MAX_VALUE;
            for (Map.Entry<K, Entry> m : entries.entrySet()) {
                if (m.getValue().loadedAt < oldestAt) {
                    oldest = m.getKey();
                    oldestAt = m.getValue().loadedAt;
                }
            }
            if (oldest == null) {
                break;
            }
            entries.remove(oldest);
        }
        entries.put(key, entry);
    }

    /** How many answers are held (fresh or not yet evicted). */
    int size() {
        return entries.size();
    }

    /** Forgets one key, e.g. after a promotion changed that repository. */
    public synchronized void invalidate(K key) {
        loading.remove(key);
        entries.remove(key);
    }

    /** Forgets every key whose entry matches, e.g. every entry of one repository. */
    public synchronized void invalidateIf(Predicate<K> which) {
        // reads in flight first: a view asking after this starts a read of its own
        loading.keySet().removeIf(which);
        entries.keySet().removeIf(which);
    }

    /** Forgets everything. */
    public synchronized void clear() {
        loading.clear();
        entries.clear();
    }

    private record Entry(LiveState state, long loadedAt) {
    }

    /** A pipeline state read from the registry, or the one-line reason it could not be read. */
    public static final class LiveState {
        private final PipelineState state;
        private final String unavailableReason;

        private LiveState(PipelineState state, String unavailableReason) {
            this.state = state;
            this.unavailableReason = unavailableReason;
        }

        /** A state that was read. */
        public static LiveState of(PipelineState state) {
            return new LiveState(Objects.requireNonNull(state, "state"), null);
        }

        /** A state that could not be read; the reason is reduced to its first line. */
        public static LiveState unavailable(String reason) {
            return new LiveState(null, oneLine(reason));
        }

        public boolean isAvailable() {
            return state != null;
        }

        /** The state, or null when unavailable. */
        public PipelineState state() {
            return state;
        }

        /** The one-line reason, or null when available. */
        public String unavailableReason() {
            return unavailableReason;
        }
    }

    /** The first non-blank line of a message, at most 300 characters, so a page shows one line and no stack trace. */
    public static String oneLine(String text) {
        if (text == null || text.isBlank()) {
            return "unknown error";
        }
        String line = text.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("unknown error").strip();
        return line.length() > 300 ? line.substring(0, 297) + "..." : line;
    }
}
