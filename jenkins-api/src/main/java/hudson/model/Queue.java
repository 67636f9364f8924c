package hudson.model;

/**
 * Compile-only copy of the real {@code hudson.model.Queue} signature (Jenkins core 2.541.1): only the nested
 * {@link Task} type, which a job that can be built implements.
 * surface:partial (used, never extended by the plugin)
 */
public class Queue extends ResourceController {
    private Queue() {
    }

    /**
     * Something that can be built (a Pipeline job is one). Its authentication is the one its builds run as.
     * surface:partial (used, never implemented by the plugin)
     */
    public interface Task {
        String getName();

        String getUrl();
    }
}
