package org.kohsuke.stapler;

import jakarta.servlet.ServletException;
import java.io.IOException;

/** Compile-only copy of the real {@code org.kohsuke.stapler.HttpResponse} signature (Stapler): a response a web method returns. */
public interface HttpResponse {
    default void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node)
            throws IOException, ServletException {
        throw new UnsupportedOperationException();
    }
}
