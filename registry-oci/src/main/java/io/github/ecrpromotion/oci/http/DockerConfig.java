package io.github.ecrpromotion.oci.http;

import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.oci.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads credentials for one registry host from a Docker {@code config.json}: the {@code auths} entry whose key is
 * the host (keys may carry a scheme and path, as {@code docker login} writes {@code https://host/v1/}), with either
 * {@code auth} (base64 {@code user:pass}) or {@code username}/{@code password}. Credential helpers
 * ({@code credsStore}, {@code credHelpers}) and identity tokens are not supported: give the credentials explicitly.
 */
final class DockerConfig {
    private DockerConfig() {
    }

    /** The config file to read: the given path, else {@code $DOCKER_CONFIG/config.json}, else ~/.docker/config.json. */
    static Path path(Optional<String> configured) {
        if (configured.isPresent()) {
            return Path.of(configured.get());
        }
        String env = System.getenv("DOCKER_CONFIG");
        if (env != null && !env.isBlank()) {
            return Path.of(env, "config.json");
        }
        return Path.of(System.getProperty("user.home"), ".docker", "config.json");
    }

    static Optional<Credentials> lookup(Path file, String host) throws RegistryException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Map<String, Object> root;
        try {
            root = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            // The message names the file only: its content holds secrets.
            throw new RegistryException(RegistryException.Reason.AUTH, "Tried to read registry credentials from "
                    + file + " but failed because it is not a readable JSON file", e);
        }
        Map<String, Object> auths = Json.object(root.get("auths"));
        if (auths == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, Object> e : auths.entrySet()) {
            if (!hostOf(e.getKey()).equals(host.toLowerCase(Locale.ROOT))) {
                continue;
            }
            Map<String, Object> entry = Json.object(e.getValue());
            if (entry == null) {
                continue;
            }
            String auth = Json.string(entry.get("auth"));
            if (auth != null && !auth.isBlank()) {
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException bad) {
                    throw new RegistryException(RegistryException.Reason.AUTH, "Tried to read the credentials for "
                            + host + " from " + file + " but failed because its 'auth' value is not base64");
                }
                int colon = decoded.indexOf(':');
                if (colon <= 0) {
                    throw new RegistryException(RegistryException.Reason.AUTH, "Tried to read the credentials for "
                            + host + " from " + file + " but failed because its 'auth' value is not base64 of user:password");
                }
                return Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1), file.toString()));
            }
            String user = Json.string(entry.get("username"));
            String pass = Json.string(entry.get("password"));
            if (user != null && !user.isBlank() && pass != null) {
                return Optional.of(new Credentials(user, pass, file.toString()));
            }
        }
        return Optional.empty();
    }

    /** {@code https://host:5000/v1/} -> {@code host:5000}. */
    static String hostOf(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        int scheme = k.indexOf("://");
        if (scheme >= 0) {
            k = k.substring(scheme + 3);
        }
        int slash = k.indexOf('/');
        return slash >= 0 ? k.substring(0, slash) : k;
    }
}
