package io.github.ecrpromotion.oci.http;

import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryException.Reason;
import io.github.ecrpromotion.core.registry.RegistryException.Remedy;
import io.github.ecrpromotion.oci.internal.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * The OCI backend's one exception translator: network failures and HTTP error statuses become
 * {@link RegistryException}s. Messages carry the status, the registry's error codes and what we tried; never a
 * header value, token or password (error bodies of a token server are not quoted at all).
 */
final class HttpErrors {
    private HttpErrors() {
    }

    static RegistryException io(String action, Throwable e, Duration timeout) {
        return io(action, e, timeout, null);
    }

    /** As {@link #io(String, Throwable, Duration)}, naming {@code host} (the one the request went to) if it does not resolve. */
    static RegistryException io(String action, Throwable e, Duration timeout, String host) {
        String why;
        Reason reason = Reason.UNAVAILABLE;
        boolean retryable = true;
        Remedy remedy = null;
        // The interesting exception may be wrapped (looked for along the causes). An unknown host (UnknownHostException,
        // or an UnresolvedAddressException without the name) is checked first, so it is not reported as "connection
        // refused", and not retried (the name will not resolve a second later).
        UnknownHostException unknown = (UnknownHostException) inChain(e, UnknownHostException.class);
        if (unknown != null || inChain(e, UnresolvedAddressException.class) != null) {
            String name = host != null ? host : unknown != null && unknown.getMessage() != null ? unknown.getMessage() : null;
            why = name == null ? "the registry's host name cannot be resolved"
                    : "it cannot resolve host " + name + " (no address is known for that name)";
            retryable = false;
        } else if (inChain(e, Connector.TimedOut.class) instanceof Connector.TimedOut t && t.connecting) {
            why = "connecting took longer than the timeout of " + seconds(timeout);
        } else if (inChain(e, Connector.TimedOut.class) != null || inChain(e, SocketTimeoutException.class) != null) {
            why = "the registry did not answer within the timeout of " + seconds(timeout);
        } else if (inChain(e, ConnectException.class) != null) {
            why = "the connection was refused: no registry is listening at that address";
        } else if (inChain(e, NoRouteToHostException.class) != null) {
            why = "the registry host cannot be reached";
        } else if (inChain(e, SSLException.class) != null) {
            reason = Reason.PROTOCOL;
            retryable = false;
            why = tlsWhy(e);
            remedy = tlsRemedy(e);
        } else if (e instanceof InterruptedException) {
            why = "the thread was interrupted";
        } else {
            why = "of a network error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
        }
        return new RegistryException(reason, "Tried to " + action + " but failed because " + why, e, retryable, remedy);
    }

    /**
     * Which TLS failure it was, in words a front end can add its fix to: a certificate no trusted CA signed (a CA
     * file would help), a certificate for another name (only skipping verification would), or a handshake that failed
     * otherwise (for example a server that does not speak TLS). Plain HTTP is never suggested here: for a host that is
     * not the loopback it would send the credentials in the clear.
     */
    private static String tlsWhy(Throwable e) {
        String detail = inChain(e, SSLException.class).getMessage();
        Throwable path = certPathFailure(e);
        if (path != null) {
            return "the registry's TLS certificate is not trusted: no CA that this run trusts signed it, or it is not "
                    + "valid (" + (path.getMessage() == null ? detail : path.getMessage()) + ")";
        }
        Throwable cert = hostNameMismatch(e);
        if (cert != null) {
            return "the registry's TLS certificate is for another host name (" + cert.getMessage() + ")";
        }
        return "the TLS handshake failed (" + detail + ")";
    }

    /** The fix that {@link #tlsWhy} points at, as a {@link Remedy} for the front ends. */
    private static Remedy tlsRemedy(Throwable e) {
        return certPathFailure(e) != null ? Remedy.TRUST_CA
                : hostNameMismatch(e) != null ? Remedy.CERTIFICATE_HOST : Remedy.CHECK_TLS;
    }

    /** No trusted CA signed the certificate (or it is not valid): the JDK's certificate path exception, if any. */
    private static Throwable certPathFailure(Throwable e) {
        Throwable path = inChain(e, java.security.cert.CertPathBuilderException.class);
        return path != null ? path : inChain(e, java.security.cert.CertPathValidatorException.class);
    }

    /** The JDK's "No subject alternative ..." / "No name matching ..." certificate exception, if that is the failure. */
    private static Throwable hostNameMismatch(Throwable e) {
        Throwable cert = inChain(e, java.security.cert.CertificateException.class);
        return cert != null && cert.getMessage() != null && (cert.getMessage().startsWith("No subject alternative")
                || cert.getMessage().startsWith("No name matching")) ? cert : null;
    }

    private static Throwable inChain(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    /** The exception with "(N attempts)" added when the request was sent more than once. */
    static RegistryException withAttempts(RegistryException e, int attempts) {
        if (attempts <= 1) {
            return e;
        }
        return e.withMessage(e.getMessage() + " (" + attempts + " attempts)", e.getCause());
    }

    static RegistryException status(String action, Response r) {
        RegistryException e = statusOnce(action, r);
        if (r.gaveUp() != null) {
            e = e.withMessage(e.getMessage() + "; " + r.gaveUp(), null);
        }
        return withAttempts(e, r.attempts());
    }

    private static RegistryException statusOnce(String action, Response r) {
        int s = r.status();
        String detail = registryErrors(r);
        if (s == 401) {
            return new RegistryException(Reason.AUTH, "Tried to " + action + " but failed because the registry "
                    + "rejected the request as unauthenticated (HTTP 401" + detail + "); check the credentials");
        }
        if (s == 403) {
            return new RegistryException(Reason.AUTH, "Tried to " + action + " but failed because the credentials "
                    + "are not allowed to do that (HTTP 403" + detail + ")");
        }
        if (s == 404) {
            return new RegistryException(Reason.NOT_FOUND, "Tried to " + action + " but failed because the registry "
                    + "does not know it (HTTP 404" + detail + ")");
        }
        if (s == 429 || s >= 500) {
            return new RegistryException(Reason.UNAVAILABLE, "Tried to " + action + " but failed because the registry "
                    + "is " + (s == 429 ? "throttling requests" : "failing") + " (HTTP " + s + detail + "); try again later");
        }
        if (s == 400 && "http".equalsIgnoreCase(r.uri().getScheme())
                && r.text().startsWith("Client sent an HTTP request to an HTTPS server")) {
            // Go's net/http answers so (distribution included) when plain HTTP reaches its TLS port.
            return new RegistryException(Reason.PROTOCOL, "Tried to " + action + " but failed because the registry "
                    + "serves HTTPS and was spoken to over plain HTTP (HTTP 400: Client sent an HTTP request to an "
                    + "HTTPS server)", null, false, Remedy.USE_TLS);
        }
        if (s == 409 || s == 412 || detail.contains("BLOB_UNKNOWN")) {
            // distribution: MANIFEST_BLOB_UNKNOWN when the manifest's blobs are not in this repository.
            return new RegistryException(Reason.CONFLICT, "Tried to " + action + " but failed because the registry "
                    + "refused it given what it stores (HTTP " + s + detail + ")");
        }
        return new RegistryException(Reason.PROTOCOL, "Tried to " + action + " but failed because the registry "
                + "answered HTTP " + s + detail);
    }

    /** A 404 on the tag list: the repository, not a tag, is missing. */
    static RegistryException repositoryNotFound(String action, String repository, Response r) {
        return new RegistryException(Reason.NOT_FOUND, "Tried to " + action + " but failed because the repository was "
                + "not found: the registry does not know " + repository + " (HTTP 404" + registryErrors(r) + ")");
    }

    static RegistryException protocol(String action, String why) {
        return new RegistryException(Reason.PROTOCOL, "Tried to " + action + " but failed because " + why);
    }

    static RegistryException auth(String action, String why) {
        return new RegistryException(Reason.AUTH, "Tried to " + action + " but failed because " + why);
    }

    /**
     * {@code , MANIFEST_UNKNOWN: manifest unknown} from a distribution error body, if it is one: at most 3 errors of
     * 200 characters each, every secret of the run removed and control characters escaped (registries and proxies echo
     * request headers back). Anything else a registry sends is not quoted.
     */
    private static String registryErrors(Response r) {
        if (r.body().length == 0) {
            return "";
        }
        try {
            List<String> out = new ArrayList<>();
            for (Object o : Json.list(Json.parseObject(r.text()).get("errors"))) {
                Map<String, Object> err = Json.object(o);
                if (err != null && Json.string(err.get("code")) != null && out.size() < 3) {
                    String msg = Json.string(err.get("message"));
                    String one = Json.string(err.get("code")) + (msg == null ? "" : ": " + msg);
                    out.add(r.secrets().quote(one, 200));
                }
            }
            return out.isEmpty() ? "" : ", " + String.join("; ", out);
        } catch (IllegalArgumentException | StackOverflowError notJson) {
            // A cut (64 KiB) or hostile body: no detail rather than a crash.
            return "";
        }
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
