package io.github.ecrpromotion.oci.http;

import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.oci.internal.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs a Docker credential helper as docker does: {@code docker-credential-<name> get}, the server URL on standard
 * input, {@code {"ServerURL","Username","Secret"}} as JSON on standard output. A helper that knows nothing for the
 * server exits non-zero with "credentials not found" on standard output; that is no credentials, not an error.
 * {@code Username} {@code <token>} means {@code Secret} is an identity token (a refresh token for the registry's token
 * server). The helper's output is never quoted in a message (it holds the secret), its standard error is discarded,
 * and it is killed when it does not answer within the timeout.
 *
 * @see <a href="https://github.com/docker/docker-credential-helpers">docker-credential-helpers</a>
 */
final class CredentialHelper {
    /** What every helper of docker-credential-helpers prints when it has no entry (credentials.errCredentialsNotFound). */
    static final String NOT_FOUND = "credentials not found";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final int MAX_OUTPUT = 1 << 20;

    private CredentialHelper() {
    }

    /** The program's name for a helper name: {@code ecr-login} -> {@code docker-credential-ecr-login}. */
    static String program(String name) {
        return "docker-credential-" + name;
    }

    /**
     * The credentials the helper holds for {@code serverUrl}, or empty when it has none. {@code path} empty: the
     * operating system finds the program on this process's PATH.
     */
    static Optional<Credentials> get(String name, String serverUrl, List<Path> path, Duration timeout, String source)
            throws RegistryException {
        String action = "get the credentials for " + serverUrl + " from " + program(name) + " (" + source + ")";
        if (!NAME.matcher(name).matches()) {
            throw fail(action, "'" + name + "' is not a credential helper name (letters, digits, '.', '_', '-')");
        }
        String command = program(name);
        if (!path.isEmpty()) {
            command = path.stream().map(d -> d.resolve(program(name))).filter(Files::isExecutable).findFirst()
                    .map(Path::toString).orElseThrow(
                            () -> helperFailed(action, program(name) + " was not found in " + path));
        }
        Process p;
        try {
            p = new ProcessBuilder(command, "get").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            // The JDK says "Cannot run program ...: error=2, No such file or directory" when it is not on the PATH.
            throw helperFailed(action, String.valueOf(e.getMessage()).contains("error=2")
                    ? program(name) + " was not found on the PATH" : program(name) + " could not be started", e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> readCapped(p.getInputStream(), out), program(name) + " stdout");
        reader.setDaemon(true);
        reader.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(serverUrl.getBytes(StandardCharsets.UTF_8));
        } catch (IOException ignored) {
            // A helper that exits without reading its input is judged by its exit code below.
        }
        int exit;
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw helperFailed(action, program(name) + " did not answer within " + HttpErrors.seconds(timeout));
            }
            exit = p.exitValue();
            reader.join(timeout.toMillis());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw fail(action, "the thread was interrupted", e);
        }
        String text;
        synchronized (out) {
            text = out.toString(StandardCharsets.UTF_8);
        }
        if (exit != 0) {
            if (text.toLowerCase(java.util.Locale.ROOT).contains(NOT_FOUND)) {
                return Optional.empty();
            }
            // Its output is not quoted: a helper may print the secret, or part of it, in an error.
            throw helperFailed(action, program(name) + " exited with code " + exit);
        }
        Map<String, Object> doc;
        try {
            doc = Json.parseObject(text);
        } catch (IllegalArgumentException e) {
            throw fail(action, program(name) + " did not print a JSON object with Username and Secret");
        }
        for (String field : new String[] {"Username", "Secret"}) {
            Object v = doc.get(field);
            if (v != null && !(v instanceof String)) {
                // Its value is not quoted: it may be the secret in another shape.
                throw fail(action, program(name) + " printed a " + field + " that is not a JSON string");
            }
        }
        String user = Json.string(doc.get("Username"));
        String secret = Json.string(doc.get("Secret"));
        if (secret == null || secret.isEmpty()) {
            return Optional.empty();
        }
        String from = program(name) + " (" + source + ")";
        if ("<token>".equals(user)) {
            return Optional.of(Credentials.identityToken(secret, from));
        }
        if (user == null || user.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Credentials(user, secret, from));
    }

    private static void readCapped(InputStream in, ByteArrayOutputStream out) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            int total = 0;
            while ((n = in.read(buf)) > 0) {
                if (total + n > MAX_OUTPUT) {
                    continue; // drain without keeping: an answer this large is not credentials
                }
                total += n;
                synchronized (out) {
                    out.write(buf, 0, n);
                }
            }
        } catch (IOException ignored) {
            // judged by what arrived and the exit code
        }
    }

    private static RegistryException fail(String action, String why) {
        return new RegistryException(RegistryException.Reason.AUTH, "Tried to " + action + " but failed because " + why);
    }

    /** A helper that is missing, failed or hung: the fix is installing or fixing it (or not naming it). */
    private static RegistryException helperFailed(String action, String why) {
        return helperFailed(action, why, null);
    }

    private static RegistryException helperFailed(String action, String why, Throwable cause) {
        return new RegistryException(RegistryException.Reason.AUTH, "Tried to " + action + " but failed because " + why,
                cause, false, RegistryException.Remedy.CREDENTIAL_HELPER);
    }

    private static RegistryException fail(String action, String why, Throwable cause) {
        return new RegistryException(RegistryException.Reason.AUTH, "Tried to " + action + " but failed because " + why,
                cause);
    }
}
