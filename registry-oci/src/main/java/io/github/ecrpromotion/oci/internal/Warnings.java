package io.github.ecrpromotion.oci.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The lines a backend owes its caller through {@code Registry.takeWarnings()}: each kept once until taken, so listing
 * the same repository twice does not repeat them. Thread-safe.
 */
public final class Warnings {
    /** Enough to recognise a tag; ECR accepts 300 characters and a log line should not carry them all. */
    static final int MAX_QUOTED = 140;

    private final Set<String> lines = new LinkedHashSet<>();

    public synchronized void add(String line) {
        lines.add(line);
    }

    /** Every line since the last call, in order; clears them. */
    public synchronized List<String> take() {
        List<String> out = new ArrayList<>(lines);
        lines.clear();
        return out;
    }

    /** The warning for a tag another tool wrote that is not a valid OCI tag; {@code where} names the repository. */
    public static String skippedTag(String tag, String where) {
        return "Skipped the tag " + quote(tag) + " in " + where + " because it is not a valid OCI tag ([A-Za-z0-9_]"
                + "[A-Za-z0-9._-]{0,127}); promotion leaves it alone";
    }

    /**
     * The text in single quotes, safe for a log line: quotes, backslashes, control and non-ASCII characters escaped
     * as {@code \\uXXXX}, cut after {@value #MAX_QUOTED} characters with the full length said.
     */
    public static String quote(String raw) {
        StringBuilder b = new StringBuilder("'");
        int shown = 0;
        for (int i = 0; i < raw.length() && shown < MAX_QUOTED; i++, shown++) {
            char c = raw.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '\'' && c != '\\') {
                b.append(c);
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        b.append('\'');
        if (raw.length() > MAX_QUOTED) {
            b.insert(b.length() - 1, "...").append(" (").append(raw.length()).append(" characters)");
        }
        return b.toString();
    }
}
