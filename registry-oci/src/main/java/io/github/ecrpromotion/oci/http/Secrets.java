package io.github.ecrpromotion.oci.http;

import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every secret this run sent, in every form it was sent in, so that text a registry (or a proxy) sends back can be
 * shown without them: registries and proxies in the field echo request headers in their error bodies. Forms: the
 * password itself, {@code base64(user:password)} of a Basic header (registry and proxy), each bearer token as fetched,
 * and the AWS keys and session token of the options. Every message of the HTTP backend passes through
 * {@link #scrub(RegistryException)} on its way out of {@link OciRegistry}; registry text is also cleaned and cut by
 * {@link #quote(String, int)} before it is put in a message, so that a cut never leaves half a secret.
 */
final class Secrets {
    private static final String MASK = "****";
    private static final int MIN_IN_OWN_TEXT = 8;
    private final Set<String> values = ConcurrentHashMap.newKeySet();

    static Secrets of(RegistryOptions options) {
        Secrets s = new Secrets();
        options.password().ifPresent(p -> s.addCredentials(options.username().orElse(""), p));
        options.accessKeyId().ifPresent(s::add);
        options.secretAccessKey().ifPresent(s::add);
        options.sessionToken().ifPresent(s::add);
        options.proxy().filter(p -> p.password() != null)
                .ifPresent(p -> s.addCredentials(p.username() == null ? "" : p.username(), p.password()));
        return s;
    }

    /**
     * The secret and the forms a registry or proxy may echo it in: URL-encoded, with {@code /} escaped as JSON may
     * escape it, and a base64 value without its {@code =} padding (which an echo may have encoded as {@code %3D}).
     */
    void add(String secret) {
        if (secret == null || secret.isEmpty()) {
            return;
        }
        values.add(secret);
        values.add(java.net.URLEncoder.encode(secret, StandardCharsets.UTF_8));
        values.add(secret.replace("/", "\\/"));
        String unpadded = secret.replaceAll("=+$", "");
        if (unpadded.length() >= 8) {
            values.add(unpadded);
        }
    }

    /** A password and the Basic header made of it. */
    void addCredentials(String user, String password) {
        add(password);
        add(Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** The text with every secret replaced by {@code ****}, longest first (a token may contain a short password). */
    String scrub(String text) {
        return scrub(text, 1);
    }

    private String scrub(String text, int minLength) {
        if (text == null || values.isEmpty()) {
            return text;
        }
        String out = text;
        List<String> longestFirst = values.stream().filter(v -> v.length() >= minLength)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String v : longestFirst) {
            out = out.replace(v, MASK);
        }
        return out;
    }

    /**
     * The same exception when its message holds no secret; else a copy with the scrubbed message and the same cause.
     * Secrets shorter than {@value #MIN_IN_OWN_TEXT} characters are left to {@link #quote}: in a whole message they
     * would mask letters of this tool's own words ("li****t the tag****" for the password "s"), garbling it and
     * spelling the secret. Registry text reaches a message only through {@link #quote}, which removes them all.
     */
    RegistryException scrub(RegistryException e) {
        String clean = scrub(e.getMessage(), MIN_IN_OWN_TEXT);
        if (clean == null || clean.equals(e.getMessage())) {
            return e;
        }
        return e.withMessage(clean, e.getCause());
    }

    /**
     * Text a registry sent, fit for a message and a terminal: secrets removed first, then control and bidi characters
     * escaped as {@code \\uXXXX}, then cut to {@code max} characters with "...".
     */
    String quote(String registryText, int max) {
        String s = scrub(registryText);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && out.length() < max; i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || isBidiControl(c) || Character.isSurrogate(c) && !validPair(s, i)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.length() >= max && out.length() < s.length() ? out.substring(0, max) + "..." : out.toString();
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private static boolean isBidiControl(char c) {
        return c == '\u061c' || c == '\u200e' || c == '\u200f' || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
