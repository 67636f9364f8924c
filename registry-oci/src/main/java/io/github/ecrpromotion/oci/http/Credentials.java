package io.github.ecrpromotion.oci.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A user name and password for basic auth or a token request. {@link #toString()} never shows the password. */
record Credentials(String username, String password, String source) {

    String basicHeader() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "user '" + username + "' from " + source;
    }
}
