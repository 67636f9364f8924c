package io.jenkins.plugins.ecrpromotion.pages;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/** A JSON answer for the page script; never cached by the browser (the state it carries is live). */
public final class JsonAnswer implements HttpResponse {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final String json;

    private JsonAnswer(String json) {
        this.json = json;
    }

    /**
     * Serializes a tree of maps, lists, strings, numbers and booleans with Jackson (from the jackson2-api plugin, as
     * registry-oci uses it).
     */
    public static JsonAnswer of(Map<String, Object> tree) {
        try {
            return new JsonAnswer(MAPPER.writeValueAsString(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the page state as JSON", e);
        }
    }

    /** The JSON text. */
    public String json() {
        return json;
    }

    @Override
    public void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node)
            throws IOException, ServletException {
        rsp.setContentType("application/json;charset=UTF-8");
        rsp.setHeader("Cache-Control", "no-store");
        PrintWriter w = rsp.getWriter();
        w.write(json);
        w.flush();
    }
}
