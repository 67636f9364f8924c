package hudson.model.queue;

import hudson.model.Queue;
import org.springframework.security.core.Authentication;

/** Compile-only copy of the real {@code hudson.model.queue.Tasks} signature (Jenkins core 2.541.1). */
public class Tasks {
    /** The authentication a task's builds run as (ACL.SYSTEM2 unless an authorization plugin says otherwise). */
    public static Authentication getAuthenticationOf2(Queue.Task t) {
        throw new UnsupportedOperationException();
    }
}
