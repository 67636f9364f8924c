package io.github.ecrpromotion.oci.http;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code WWW-Authenticate} challenge: {@code Basic realm="..."} or
 * {@code Bearer realm="...",service="...",scope="..."} (the Docker token flow).
 *
 * @see <a href="https://distribution.github.io/distribution/spec/auth/token/">Docker token authentication</a>
 */
record Challenge(String scheme, Map<String, String> params) {
    private static final Pattern PARAM = Pattern.compile("([A-Za-z_]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s]*))");

    static Optional<Challenge> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String h = header.trim();
        int sp = h.indexOf(' ');
        String scheme = (sp < 0 ? h : h.substring(0, sp)).toLowerCase(Locale.ROOT);
        Map<String, String> params = new LinkedHashMap<>();
        if (sp > 0) {
            String rest = h.substring(sp + 1);
            Matcher m = PARAM.matcher(rest);
            int pos = 0;
            while (m.find(pos)) {
                if (!rest.substring(pos, m.start()).matches("[\\s,]*")) {
                    // "..., Basic realm=..." : the next challenge of the same header begins; its params are not ours.
                    break;
                }
                pos = m.end();
                String v = m.group(2) != null ? m.group(2).replaceAll("\\\\(.)", "$1") : m.group(3);
                params.put(m.group(1).toLowerCase(Locale.ROOT), v);
            }
        }
        return Optional.of(new Challenge(scheme, params));
    }

    boolean isBearer() {
        return scheme.equals("bearer");
    }

    boolean isBasic() {
        return scheme.equals("basic");
    }

    Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name)).filter(v -> !v.isEmpty());
    }
}
