package hudson.model;

import hudson.security.ACL;

/**
 * Compile-only copy of the real {@code hudson.model.Job} signature (Jenkins core 2.541.1).
 * surface:partial (used, never extended by the plugin)
 */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem {
    private Job() {
    }

    public RunT getLastBuild() {
        throw new UnsupportedOperationException();
    }

    public RunT getBuildByNumber(int n) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException();
    }
}
