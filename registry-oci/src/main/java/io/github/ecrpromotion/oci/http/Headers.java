package io.github.ecrpromotion.oci.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/** The header fields of one answer, names compared without case, values of a repeated field in the order sent. */
final class Headers {
    private final Map<String, List<String>> fields;

    private Headers(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    /** From {@link java.net.HttpURLConnection#getHeaderFields()}, whose {@code null} key (the status line) is left out. */
    static Headers of(Map<String, List<String>> fields) {
        Map<String, List<String>> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        fields.forEach((k, v) -> {
            if (k != null) {
                m.merge(k, List.copyOf(v), (a, b) -> {
                    List<String> all = new java.util.ArrayList<>(a);
                    all.addAll(b);
                    return List.copyOf(all);
                });
            }
        });
        return new Headers(m);
    }

    Optional<String> firstValue(String name) {
        List<String> v = fields.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.ofNullable(v.get(0));
    }

    List<String> allValues(String name) {
        return fields.getOrDefault(name, List.of());
    }

    OptionalLong firstValueAsLong(String name) {
        Optional<String> v = firstValue(name);
        if (v.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(v.get().trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public String toString() {
        return fields.keySet().toString();
    }
}
