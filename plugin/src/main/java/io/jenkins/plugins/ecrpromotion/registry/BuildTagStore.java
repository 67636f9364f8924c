package io.jenkins.plugins.ecrpromotion.registry;

import io.github.ecrpromotion.core.registry.BuildTagDigests;
import java.io.File;
import java.nio.file.Path;
import jenkins.model.Jenkins;

/**
 * The controller's one build tag -> digest store, shared by every step and page: the answers of the 64 repositories
 * used last in memory, all of them in {@code $JENKINS_HOME/ecr-promotion/build-tags/} (one file per repository, mode
 * 0600 in a 0700 directory), so a restarted controller keeps them. The backends confirm a remembered answer with one
 * request before a rule relies on it, so the store saves requests and can never make a rule pass (see
 * {@link BuildTagDigests} and docs/requests.md). One instance: the file store serialises its own writes.
 */
public final class BuildTagStore {
    /** Repositories whose answers stay in memory. */
    static final int IN_MEMORY = 64;

    private static volatile BuildTagDigests controller;

    private BuildTagStore() {
    }

    /** The store under this controller's home; {@link BuildTagDigests#NONE} when Jenkins is not running. */
    public static BuildTagDigests controller() {
        BuildTagDigests s = controller;
        if (s == null) {
            synchronized (BuildTagStore.class) {
                s = controller;
                if (s == null) {
                    Jenkins jenkins = Jenkins.getInstanceOrNull();
                    if (jenkins == null) {
                        return BuildTagDigests.NONE;
                    }
                    s = under(jenkins.getRootDir());
                    controller = s;
                }
            }
        }
        return s;
    }

    /** The store for the Jenkins home {@code home}: memory over {@code home/ecr-promotion/build-tags}. */
    static BuildTagDigests under(File home) {
        Path dir = home.toPath().resolve("ecr-promotion").resolve("build-tags");
        return BuildTagDigests.inMemoryOver(BuildTagDigests.inDirectory(dir), IN_MEMORY);
    }
}
