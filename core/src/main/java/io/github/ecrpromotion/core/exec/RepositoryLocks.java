package io.github.ecrpromotion.core.exec;

import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.registry.RegistryException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes the writing runs of one process per repository: registries offer no compare-and-set, so two runs in
 * one JVM (parallel builds on a Jenkins controller, a button clicked during a build) take turns instead of racing.
 * Runs in other processes are caught afterwards by the executor's read-back. {@link #PROCESS} is the one every
 * executor uses unless a test simulates separate processes with separate instances.
 */
public final class RepositoryLocks {
    /** The locks of this JVM. */
    public static final RepositoryLocks PROCESS = new RepositoryLocks();

    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** Separate locks, standing for another process (tests only). */
    public RepositoryLocks() {
    }

    /** Waits for the repository's lock (fairly, in arrival order); close the result to release it. */
    public Held lock(Repository repository) throws RegistryException {
        ReentrantLock lock = locks.computeIfAbsent(repository.toString(), k -> new ReentrantLock(true));
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(RegistryException.Reason.UNAVAILABLE, "Tried to write to " + repository
                    + " but failed because the run was interrupted while another promotion of it was running", e);
        }
        return lock::unlock;
    }

    /** A held lock. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
