package io.github.ecrpromotion.cli;

/**
 * Makes text from input or from a registry safe to print on a terminal: ANSI escape sequences, C0 and C1 control
 * characters, DEL, bidi controls and line separators are shown as visible escapes ({@code \x1b}, {@code \u202e}),
 * so a crafted tag, environment, path or registry message cannot move the cursor, recolour or reorder the user's
 * terminal, or forge a line of output. Every line the CLI prints passes through {@link #escape}.
 */
final class TerminalText {
    private TerminalText() {
    }

    /** The text with every unsafe character escaped; safe text is returned unchanged. */
    static String escape(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String esc = unsafe(s, i) ? escapeOf(c) : null;
            if (esc != null && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (out != null) {
                if (esc != null) {
                    out.append(esc);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
    }

    /** Whether the char at {@code i} must not reach a terminal as it is. */
    static boolean unsafe(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return isUnsafe(c);
    }

    /** C0, DEL, C1, bidi embeddings/overrides/isolates and marks, and the Unicode line and paragraph separators. */
    static boolean isUnsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f)
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200e' || c == '\u200f' || c == '\u061c' || c == '\u2028' || c == '\u2029';
    }

    private static String escapeOf(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> c <= 0xff ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c);
        };
    }
}
