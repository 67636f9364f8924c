package io.github.ecrpromotion.oci.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One HTTP answer, body read fully up to its endpoint's limit. {@code uri} is where it came from after redirects;
 * {@code attempts} how many times the request was sent (retries); {@code gaveUp} why no further attempt was made
 * when the last answer was still a passing failure (empty otherwise). {@code secrets} cleans its text for messages.
 */
record Response(int status, Headers headers, byte[] body, URI uri, Secrets secrets, int attempts, String gaveUp) {

    Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The media type without parameters such as {@code ; charset=utf-8}, in lower case. */
    Optional<String> contentType() {
        return header("Content-Type").map(v -> v.contains(";") ? v.substring(0, v.indexOf(';')) : v)
                .map(v -> v.trim().toLowerCase(java.util.Locale.ROOT)).filter(v -> !v.isEmpty());
    }

    Response after(int attempts, String gaveUp) {
        return new Response(status, headers, body, uri, secrets, attempts, gaveUp);
    }
}
