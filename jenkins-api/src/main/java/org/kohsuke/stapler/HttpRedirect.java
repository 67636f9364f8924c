package org.kohsuke.stapler;

import jakarta.servlet.ServletException;
import java.io.IOException;

/** Compile-only copy of the real {@code org.kohsuke.stapler.HttpRedirect} signature (Stapler). */
public final class HttpRedirect extends RuntimeException implements HttpResponse {
    private static final long serialVersionUID = 1L;

    /** {@code null} here (a non-constant initializer in Stapler). */
    public static final HttpRedirect DOT = null;

    public HttpRedirect(String url) {
        throw new UnsupportedOperationException();
    }

    public HttpRedirect(int statusCode, String url) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node)
            throws IOException, ServletException {
        throw new UnsupportedOperationException();
    }
}
