package io.github.ecrpromotion.oci.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A user name and password for basic auth or a token request, or an identity token (docker's {@code identitytoken},
 * a credential helper's {@code <token>} user): a refresh token that only the registry's token server takes.
 * {@link #toString()} never shows the password or token.
 */
record Credentials(String username, String password, String source, boolean isIdentityToken) {

    Credentials(String username, String password, String source) {
        this(username, password, source, false);
    }

    static Credentials identityToken(String token, String source) {
        return new Credentials("<token>", token, source, true);
    }

    String basicHeader() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return (isIdentityToken ? "the identity token" : "user '" + username + "'") + " from " + source;
    }
}
