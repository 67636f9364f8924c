package io.jenkins.plugins.ecrpromotion.pages;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Objects;

/**
 * What a promote or roll-back click came to: the HTTP status a script gets and the one-line message a browser sees
 * on the page it came from. Plain text, shown escaped: never HTML, never a secret.
 *
 * @param status  200 for a success, else 400 (invalid), 403 (no permission), 409 (stale page or refused), 502 (registry)
 * @param message one line, localized
 */
public record Outcome(int status, String message) implements Serializable {
    /** The session attribute holding the outcome until the origin page shows it once. */
    static final String SESSION_KEY = Outcome.class.getName();

    public Outcome {
        Objects.requireNonNull(message, "message");
    }

    /** A success. */
    public static Outcome ok(String message) {
        return new Outcome(200, message);
    }

    public boolean isSuccess() {
        return status < 300;
    }

    /** The alert class the page shows it with (core's {@code alert alert-success} / {@code alert alert-danger}). */
    public String getAlertClass() {
        return isSuccess() ? "alert alert-success" : "alert alert-danger";
    }

    public String getMessage() {
        return message;
    }

    /** Keeps the outcome in the user's session for the page the browser is sent back to (redirect after POST). */
    public void flashTo(HttpSession session) {
        session.setAttribute(SESSION_KEY, this);
    }

    /** The outcome waiting in the session, removed so a reload does not show it again; null when none. */
    public static Outcome takeFrom(HttpSession session) {
        if (session == null) {
            return null;
        }
        Object o = session.getAttribute(SESSION_KEY);
        if (o == null) {
            return null;
        }
        session.removeAttribute(SESSION_KEY);
        return o instanceof Outcome out ? out : null;
    }
}
