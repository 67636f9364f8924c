package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServlet;

/**
 * Compile-only copy of the real {@code org.kohsuke.stapler.Stapler} signature (Stapler 2050): only the accessor of
 * the request being served.
 * surface:partial (used, never extended by the plugin)
 */
public class Stapler extends HttpServlet {
    /** The request this thread is serving, or null outside a request. */
    public static StaplerRequest2 getCurrentRequest2() {
        throw new UnsupportedOperationException();
    }
}
