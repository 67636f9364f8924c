package hudson.model;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * Compile-only copy of the real {@code hudson.model.TaskListener} signature (Jenkins core 2.541.1; the real
 * interface also extends remoting's SerializableOnlyOverRemoting, which is not on Maven Central). The default
 * methods write to {@link #getLogger()} like the real ones, so a test listener only needs getLogger().
 */
public interface TaskListener {
    PrintStream getLogger();

    default void hyperlink(String url, String text) throws IOException {
        getLogger().print(text);
    }

    default PrintWriter error(String msg) {
        PrintWriter out = new PrintWriter(getLogger(), true);
        out.print("ERROR: ");
        out.println(msg);
        return out;
    }

    default PrintWriter error(String format, Object... args) {
        return error(String.format(format, args));
    }

    default PrintWriter fatalError(String msg) {
        PrintWriter out = new PrintWriter(getLogger(), true);
        out.print("FATAL: ");
        out.println(msg);
        return out;
    }

    default PrintWriter fatalError(String format, Object... args) {
        return fatalError(String.format(format, args));
    }
}
