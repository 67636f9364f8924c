package io.jenkins.plugins.ecrpromotion;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The one time format of the plugin's pages and API: ISO-8601 UTC to the second (never a missing or varying
 * fraction), which the page script shows in the viewer's zone with this UTC text on hover.
 */
public final class TimeText {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private TimeText() {
    }

    /** {@code 2026-11-29T22:11:46Z}: machine-readable, for the {@code datetime} attribute and the API. */
    public static String iso(long epochMillis) {
        return ISO.format(Instant.ofEpochMilli(epochMillis).truncatedTo(ChronoUnit.SECONDS));
    }

    /** {@code 2026-11-29 22:11:46 UTC}: what a page shows before (or without) its script, and the hover text. */
    public static String utc(long epochMillis) {
        return READABLE.format(Instant.ofEpochMilli(epochMillis).truncatedTo(ChronoUnit.SECONDS));
    }
}
