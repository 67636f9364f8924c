package io.jenkins.plugins.ecrpromotion.pages;

import io.github.ecrpromotion.core.buildtag.BuildTag;
import io.github.ecrpromotion.core.buildtag.BuildTagFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Finds the build that produced an image from its build tag: the tag carries the job's tag-safe name and the build
 * number, so the linker matches {@link BuildTagFormat#sanitizeJob} of every job's full name. The name mapping is
 * cached briefly (listing every job of a large instance is not free); the build itself is looked up live.
 */
public final class BuildLinker {
    /** The jobs to look through: Jenkins' own in production, a list in tests. */
    public interface JobDirectory {
        /** Every job, whatever the current user may see (the linker checks visibility per job). */
        List<JobRef> jobs();
    }

    /** One job, as far as linking needs it. */
    public interface JobRef {
        /** The job's full name, e.g. {@code folder/ecs-demo}. */
        String fullName();

        /** The URL of build {@code number} relative to the Jenkins root (e.g. {@code job/ecs-demo/11/}), or null when it does not exist or the current user may not see it. */
        String buildUrl(long number);
    }

    private final JobDirectory directory;
    private final Duration ttl;
    private final LongSupplier clockMillis;
    private Map<String, List<JobRef>> bySanitizedName;
    private long loadedAt;

    /** @param clockMillis the time source; tests pass a fake one */
    public BuildLinker(JobDirectory directory, Duration ttl, LongSupplier clockMillis) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clockMillis = Objects.requireNonNull(clockMillis, "clockMillis");
    }

    /**
     * The URL (relative to the Jenkins root) of the build a build tag names, when exactly one visible job has it;
     * empty for text that is no build tag, an unknown job, a deleted build, or an ambiguous name.
     */
    public Optional<String> buildUrl(String buildTag) {
        Optional<BuildTag> parsed = BuildTagFormat.tryParse(buildTag);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        String job = parsed.get().job();
        List<JobRef> candidates = new ArrayList<>(mapping().getOrDefault(job, List.of()));
        if (candidates.isEmpty() && buildTag.length() >= BuildTagFormat.MAX_LENGTH - 1) {
            // A long job name was cut to fit the 128-character tag: match the names that start with the kept part.
            mapping().forEach((name, refs) -> {
                if (name.startsWith(job)) {
                    candidates.addAll(refs);
                }
            });
        }
        String found = null;
        for (JobRef ref : candidates) {
            String url = ref.buildUrl(parsed.get().buildNumber());
            if (url != null) {
                if (found != null) {
                    return Optional.empty(); // "a/b" and "a-b" both become "a-b": a wrong link is worse than none
                }
                found = url;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Forgets the job names, e.g. after a job was created or renamed. */
    public synchronized void clear() {
        bySanitizedName = null;
    }

    private synchronized Map<String, List<JobRef>> mapping() {
        long now = clockMillis.getAsLong();
        if (bySanitizedName == null || now - loadedAt >= ttl.toMillis()) {
            Map<String, List<JobRef>> m = new HashMap<>();
            for (JobRef ref : directory.jobs()) {
                m.computeIfAbsent(BuildTagFormat.sanitizeJob(ref.fullName()), k -> new ArrayList<>()).add(ref);
            }
            bySanitizedName = m;
            loadedAt = now;
        }
        return bySanitizedName;
    }
}
