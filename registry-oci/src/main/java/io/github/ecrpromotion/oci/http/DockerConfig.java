package io.github.ecrpromotion.oci.http;

import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.oci.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads credentials for one registry host from a Docker {@code config.json} in docker's order:
 * <ol>
 * <li>{@code credHelpers[host]}: that credential helper ({@link CredentialHelper});
 * <li>else {@code credsStore}: that helper for every host. As in docker, its answer is final: when it has nothing for
 * the host the registry is asked anonymously ({@code docker login} with a store leaves only an empty {@code auths}
 * entry in the file);
 * <li>else {@code auths}: the entry whose key is exactly the host wins; then the legacy keys {@code docker login}
 * wrote in older versions, in this order: {@code https://host/v1/}, {@code http://host}, {@code https://host}; then any
 * other key with that host, in file order (docker picks one of those at random). An entry gives {@code identitytoken},
 * else {@code auth} (base64 {@code user:pass}), else {@code username}/{@code password}.
 * </ol>
 * The helpers are asked for the host ({@code host[:port]}, what docker sends), or {@code https://index.docker.io/v1/}
 * for Docker Hub, which is also Docker Hub's key in {@code auths} and {@code credHelpers}.
 */
final class DockerConfig {
    static final String DOCKER_HUB = "https://index.docker.io/v1/";

    private DockerConfig() {
    }

    /** What a lookup found, and where it looked (for the message when the registry wants credentials). */
    record Lookup(Optional<Credentials> credentials, String searched) {
    }

    /**
     * The config file to read: the given path, else {@code ~/.docker/config.json}. {@code $DOCKER_CONFIG} is the front
     * end's to resolve: the backends never read the process environment (a Jenkins controller's is not the job's).
     */
    static Path path(Optional<String> configured) {
        return configured.map(Path::of).orElseGet(() -> Path.of(System.getProperty("user.home"), ".docker", "config.json"));
    }

    /** The key docker uses for a host: the host itself, or Docker Hub's historical URL. */
    static String serverKey(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("docker.io") || h.equals("index.docker.io") || h.equals("registry-1.docker.io")) {
            return DOCKER_HUB;
        }
        return h;
    }

    static Lookup lookup(RegistryOptions options, String host) throws RegistryException {
        Path file = path(options.dockerConfig());
        String key = serverKey(host);
        if (!Files.isRegularFile(file)) {
            return new Lookup(Optional.empty(), "no Docker config file at " + file);
        }
        Map<String, Object> root;
        try {
            root = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            // The message names the file only: its content holds secrets.
            throw new RegistryException(RegistryException.Reason.AUTH, "Tried to read registry credentials from "
                    + file + " but failed because it is not a readable JSON file", e);
        }
        Map<String, Object> helpers = Json.object(root.get("credHelpers"));
        String helper = helpers == null ? null : Json.string(helpers.get(key));
        String source = "credHelpers in " + file;
        if (helper == null || helper.isBlank()) {
            helper = Json.string(root.get("credsStore"));
            source = "credsStore in " + file;
        }
        if (helper != null && !helper.isBlank()) {
            Optional<Credentials> c = CredentialHelper.get(helper.trim(), key, options.credentialHelperPath(),
                    options.timeout(), source);
            return new Lookup(c, CredentialHelper.program(helper.trim()) + " (" + source + ") has no credentials for "
                    + key);
        }
        Map<String, Object> auths = Json.object(root.get("auths"));
        String none = "no auths entry for " + key + " in " + file;
        if (auths == null) {
            return new Lookup(Optional.empty(), none);
        }
        for (String candidate : candidates(auths, key)) {
            Optional<Credentials> c = entry(Json.object(auths.get(candidate)), host, file);
            if (c.isPresent()) {
                return new Lookup(c, none);
            }
        }
        return new Lookup(Optional.empty(), none);
    }

    /** The {@code auths} keys for the host, best first. */
    static List<String> candidates(Map<String, Object> auths, String key) {
        List<String> out = new ArrayList<>();
        List<String> preferred = key.equals(DOCKER_HUB)
                ? List.of(DOCKER_HUB, "index.docker.io", "docker.io", "registry-1.docker.io")
                : List.of(key, "https://" + key + "/v1/", "http://" + key, "https://" + key);
        for (String p : preferred) {
            for (String k : auths.keySet()) {
                if (k.trim().equalsIgnoreCase(p) && !out.contains(k)) {
                    out.add(k);
                }
            }
        }
        String host = hostOf(key);
        for (String k : auths.keySet()) {
            if (!out.contains(k) && hostOf(k).equals(host)) {
                out.add(k);
            }
        }
        return out;
    }

    private static Optional<Credentials> entry(Map<String, Object> entry, String host, Path file)
            throws RegistryException {
        if (entry == null) {
            return Optional.empty();
        }
        String identityToken = Json.string(entry.get("identitytoken"));
        if (identityToken != null && !identityToken.isBlank()) {
            return Optional.of(Credentials.identityToken(identityToken, file.toString()));
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
