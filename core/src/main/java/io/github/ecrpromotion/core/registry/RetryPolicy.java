package io.github.ecrpromotion.core.registry;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one retry policy of every backend: at most {@value #MAX_ATTEMPTS} attempts of a call that failed for a passing
 * reason (throttled, 502/503/504, connection lost on a read), waiting between them an exponential backoff with full
 * jitter (a random time up to {@code base * 2^(n-1)}, at most {@link #MAX_DELAY}), as the AWS SDK's standard strategy
 * does: the ECR backend hands these numbers to that strategy, the OCI HTTP backend applies them itself. A throttled
 * answer starts from the longer {@link #THROTTLED_BASE_DELAY}; a {@code Retry-After} the registry sends is honoured up
 * to {@link #MAX_RETRY_AFTER}. The backend's timeout bounds the whole call, waits included: a wait that would end
 * after it is not made.
 */
public final class RetryPolicy {
    /** Attempts in all, the first one included (the SDK's standard strategy has 3; ECR's PutImage throttles early). */
    public static final int MAX_ATTEMPTS = 4;
    /** The backoff before the second attempt is a random time up to this. */
    public static final Duration BASE_DELAY = Duration.ofMillis(100);
    /** The same after a throttling answer (HTTP 429, ECR ThrottlingException). */
    public static final Duration THROTTLED_BASE_DELAY = Duration.ofSeconds(1);
    /** No backoff is longer. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(20);
    /** A registry's {@code Retry-After} longer than this is not waited for: the call fails saying so. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

    private RetryPolicy() {
    }

    /** The wait before attempt {@code next} (2 for the first retry), with full jitter. */
    public static Duration backoff(int next, boolean throttled) {
        Duration base = throttled ? THROTTLED_BASE_DELAY : BASE_DELAY;
        int doublings = Math.max(0, Math.min(next - 2, 20));
        long ceiling = Math.min(MAX_DELAY.toMillis(), base.toMillis() << doublings);
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    /**
     * A {@code Retry-After} value (RFC 9110: delay-seconds or an HTTP-date) as a wait from {@code now}; empty when it
     * is neither. A date in the past is a zero wait. Not capped here: the caller compares with
     * {@link #MAX_RETRY_AFTER} and with the time it has left, and says which stopped it.
     */
    public static Optional<Duration> retryAfter(String value, Instant now) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        if (v.matches("[0-9]{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
