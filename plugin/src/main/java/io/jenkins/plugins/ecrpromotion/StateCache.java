package io.jenkins.plugins.ecrpromotion;

import io.github.ecrpromotion.core.env.PipelineState;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A brief cache of live pipeline states, keyed by what decides the answer (repository and registry settings), so a
 * build page viewed often does not query the registry on every view. Failures are cached too: a registry that is
 * down must not make every page view wait for the timeout.
 *
 * @param <K> the key; it must not hold a secret (it lives in memory only, but is easy to log by mistake)
 */
public final class StateCache<K> {
    private final Duration ttl;
    private final LongSupplier clockMillis;
    private final Map<K, Entry> entries = new ConcurrentHashMap<>();

    /** @param clockMillis the time source; tests pass a fake one to check expiry without sleeping */
    public StateCache(Duration ttl, LongSupplier clockMillis) {
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clockMillis = Objects.requireNonNull(clockMillis, "clockMillis");
    }

    /** The cached state for this key when still fresh, else the loader's answer (which is then cached). */
    public LiveState get(K key, Supplier<LiveState> loader) {
        long now = clockMillis.getAsLong();
        Entry e = entries.get(key);
        if (e != null && now - e.loadedAt < ttl.toMillis()) {
            return e.state;
        }
        // Two page views may both load at expiry; that costs one extra read and keeps page rendering lock-free.
        LiveState loaded = Objects.requireNonNull(loader.get(), "loader answer");
        entries.put(key, new Entry(loaded, now));
        return loaded;
    }

    /** Forgets one key, e.g. after a promotion changed that repository. */
    public void invalidate(K key) {
        entries.remove(key);
    }

    /** Forgets every key whose entry matches, e.g. every entry of one repository. */
    public void invalidateIf(Predicate<K> which) {
        entries.keySet().removeIf(which);
    }

    /** Forgets everything. */
    public void clear() {
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
    static String oneLine(String text) {
        if (text == null || text.isBlank()) {
            return "unknown error";
        }
        String line = text.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("unknown error").strip();
        return line.length() > 300 ? line.substring(0, 297) + "..." : line;
    }
}
