package io.github.ecrpromotion.cli;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes {@code --output json}: maps (in their order), lists, strings, booleans, numbers and null, indented by two
 * spaces. Strings escape what JSON requires and also C1 controls, bidi controls and lone surrogates as
 * {@code \}{@code uXXXX}, so the output is valid JSON and safe on a terminal. A small writer until issue 8's section 7
 * brings Jackson; the field names it prints are documented in docs/CLI.md and stay the same.
 */
final class JsonOutput {
    private JsonOutput() {
    }

    /** The value as indented JSON text, without a trailing newline. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, "");
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, String indent) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            String inner = indent + "  ";
            out.append('{');
            Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                out.append('\n').append(inner).append(string(String.valueOf(e.getKey()))).append(": ");
                write(out, e.getValue(), inner);
                if (it.hasNext()) {
                    out.append(',');
                }
            }
            out.append('\n').append(indent).append('}');
        } else if (value instanceof Collection<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            String inner = indent + "  ";
            out.append('[');
            Iterator<?> it = list.iterator();
            while (it.hasNext()) {
                out.append('\n').append(inner);
                write(out, it.next(), inner);
                if (it.hasNext()) {
                    out.append(',');
                }
            }
            out.append('\n').append(indent).append(']');
        } else {
            out.append(string(value.toString()));
        }
    }

    /** A JSON string literal. */
    static String string(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (TerminalText.unsafe(s, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
