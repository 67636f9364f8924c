package io.jenkins.plugins.ecrpromotion.pages;

import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.ACLContext;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * {@link BuildLinker.JobDirectory} over Jenkins' jobs. Lists them as SYSTEM, because the mapping is cached for all
 * users; each link is then checked against the current user's {@link Item#READ} permission.
 */
final class JenkinsJobDirectory implements BuildLinker.JobDirectory {
    @Override
    public List<BuildLinker.JobRef> jobs() {
        Jenkins jenkins = Jenkins.getInstanceOrNull();
        if (jenkins == null) {
            return List.of(); // shutting down
        }
        List<BuildLinker.JobRef> refs = new ArrayList<>();
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            for (Job<?, ?> job : jenkins.getAllItems(Job.class)) {
                refs.add(new JobRefImpl(job));
            }
        }
        return refs;
    }

    /** One job; the build is looked up live, with the viewer's permissions. */
    static final class JobRefImpl implements BuildLinker.JobRef {
        private final Job<?, ?> job;

        JobRefImpl(Job<?, ?> job) {
            this.job = job;
        }

        @Override
        public String fullName() {
            return job.getFullName();
        }

        @Override
        public String buildUrl(long number) {
            if (number > Integer.MAX_VALUE || !job.hasPermission(Item.READ)) {
                return null;
            }
            Run<?, ?> build = job.getBuildByNumber((int) number);
            return build == null ? null : build.getUrl();
        }
    }
}
