package io.github.ecrpromotion.oci.http;

import java.time.Duration;

/**
 * When one call of the backend (resolve, getManifest, putManifest, listTags) must be over: its start plus the
 * options' timeout. Every request, body, redirect, token fetch and retry wait of the call fits before it, so the
 * timeout bounds the whole call rather than each attempt (the ECR backend's {@code apiCallTimeout} does the same).
 */
record Deadline(long atNanos, Duration timeout) {

    static Deadline after(Duration timeout) {
        return new Deadline(System.nanoTime() + timeout.toNanos(), timeout);
    }

    /** As {@link #after(Duration)}, but never later than {@code endNanos} (the end of the whole operation). */
    static Deadline after(Duration timeout, long endNanos) {
        return new Deadline(Math.min(System.nanoTime() + timeout.toNanos(), endNanos), timeout);
    }

    /** Time left; zero or negative once passed. */
    Duration remaining() {
        return Duration.ofNanos(atNanos - System.nanoTime());
    }

    boolean fits(Duration wait) {
        return remaining().compareTo(wait) > 0;
    }
}
