package org.kohsuke.stapler;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Compile-only copy of the real {@code org.kohsuke.stapler.StaplerResponse2} signature (Stapler, jakarta servlet).
 * surface:partial (used, never implemented by the plugin)
 */
public interface StaplerResponse2 extends HttpServletResponse {
    void forwardToPreviousPage(StaplerRequest2 request) throws ServletException, IOException;

    void sendRedirect2(String url) throws IOException;
}
