package io.github.ecrpromotion.oci.http;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** One HTTP answer, body read fully (manifests and tag lists are small). */
record Response(int status, HttpHeaders headers, byte[] body, URI uri) {

    Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The media type without parameters such as {@code ; charset=utf-8}. */
    Optional<String> contentType() {
        return header("Content-Type").map(v -> v.contains(";") ? v.substring(0, v.indexOf(';')) : v)
                .map(String::trim).filter(v -> !v.isEmpty());
    }
}
