package org.kohsuke.stapler;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import net.sf.json.JSONObject;

/**
 * Compile-only copy of the real {@code org.kohsuke.stapler.StaplerRequest2} signature (Stapler, jakarta servlet).
 * surface:partial (used, never implemented by the plugin)
 */
public interface StaplerRequest2 extends HttpServletRequest {
    String getRootPath();

    <T> T findAncestorObject(Class<T> type);

    <T> T bindJSON(Class<T> type, JSONObject src);

    void bindJSON(Object bean, JSONObject src);

    JSONObject getSubmittedForm() throws ServletException;
}
