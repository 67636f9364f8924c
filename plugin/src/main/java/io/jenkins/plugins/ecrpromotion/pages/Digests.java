package io.jenkins.plugins.ecrpromotion.pages;

/** The short digest the tables show ({@code sha256:} and 12 hex digits, as registries' own consoles do). */
public final class Digests {
    /** Hex digits kept after the algorithm. */
    public static final int SHORT_HEX = 12;

    private Digests() {
    }

    /** {@code sha256:0123456789ab} for a digest, the text itself when it is already short or has no algorithm, or null. */
    public static String shortForm(String digest) {
        if (digest == null) {
            return null;
        }
        int colon = digest.indexOf(':');
        if (colon < 0 || digest.length() <= colon + 1 + SHORT_HEX) {
            return digest;
        }
        return digest.substring(0, colon + 1 + SHORT_HEX);
    }
}
