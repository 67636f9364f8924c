package io.jenkins.plugins.ecrpromotion.pages;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import io.github.ecrpromotion.core.buildtag.BuildTag;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Test;

/** Mapping a build tag's job name and number to a build URL. */
public class BuildLinkerTest {
    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger listings = new AtomicInteger();
    private final List<BuildLinker.JobRef> jobs = new ArrayList<>();
    private final BuildLinker linker = new BuildLinker(() -> {
        listings.incrementAndGet();
        return List.copyOf(jobs);
    }, Duration.ofMinutes(1), now::get);

    /** A job whose builds are the given numbers, at job/NAME/N/. */
    private static BuildLinker.JobRef job(String fullName, Long... builds) {
        return new BuildLinker.JobRef() {
            @Override
            public String fullName() {
                return fullName;
            }

            @Override
            public String buildUrl(long number) {
                return List.of(builds).contains(number) ? "job/" + fullName.replace("/", "/job/") + "/" + number + "/" : null;
            }
        };
    }

    @Test
    public void buildUrl_findsJobBySanitizedFullName() {
        jobs.add(job("ecs-demo", 11L));
        jobs.add(job("team/ecs demo", 12L));
        assertEquals(Optional.of("job/ecs-demo/11/"), linker.buildUrl("2026.11.25T14.03.12Z.5ad95f2-ecs-demo-11"));
        assertEquals(Optional.of("job/team/job/ecs demo/12/"), linker.buildUrl("2026.11.25T14.03.12Z.5ad95f2-team-ecs-demo-12"));
    }

    @Test
    public void buildUrl_whenBuildDeletedOrJobUnknownOrNotABuildTag_isEmpty() {
        jobs.add(job("ecs-demo", 11L));
        assertEquals(Optional.empty(), linker.buildUrl("2026.11.25T14.03.12Z.5ad95f2-ecs-demo-10"));
        assertEquals(Optional.empty(), linker.buildUrl("2026.11.25T14.03.12Z.5ad95f2-other-11"));
        assertEquals(Optional.empty(), linker.buildUrl("latest"));
        assertEquals(Optional.empty(), linker.buildUrl(null));
    }

    @Test
    public void buildUrl_whenTwoJobsShareSanitizedNameAndNumber_givesNoLink() {
        jobs.add(job("a/b", 3L));
        jobs.add(job("a-b", 3L));
        jobs.add(job("c/d", 3L));
        jobs.add(job("c-d", 4L));
        assertEquals(Optional.empty(), linker.buildUrl("2026.11.25T14.03.12Z.5ad95f2-a-b-3"));
        // only one of the two has build 3
        assertEquals(Optional.of("job/c/job/d/3/"), linker.buildUrl("2026.11.25T14.03.12Z.5ad95f2-c-d-3"));
    }

    @Test
    public void buildUrl_cachesJobNamesUntilTtl() {
        jobs.add(job("ecs-demo", 11L));
        linker.buildUrl("2026.11.25T14.03.12Z.5ad95f2-ecs-demo-11");
        jobs.add(job("new-job", 1L));
        now.addAndGet(59_999);
        assertEquals(Optional.empty(), linker.buildUrl("2026.11.25T14.03.12Z.5ad95f2-new-job-1"));
        assertEquals(1, listings.get());
        now.addAndGet(1);
        assertEquals(Optional.of("job/new-job/1/"), linker.buildUrl("2026.11.25T14.03.12Z.5ad95f2-new-job-1"));
        assertEquals(2, listings.get());
        linker.clear();
        linker.buildUrl("2026.11.25T14.03.12Z.5ad95f2-new-job-1");
        assertEquals(3, listings.get());
    }

    @Test
    public void buildUrl_whenLongJobNameWasCut_matchesByPrefix() throws Exception {
        String longName = "platform/" + "very-long-service-name-".repeat(6) + "end";
        jobs.add(job(longName, 7L));
        String tag = BuildTag.generate(Instant.parse("2026-11-25T14:03:12Z"), "5ad95f2", longName, 7).toString();
        assertFalse("the job name must have been cut for this test to mean anything", tag.contains("end"));
        assertEquals(Optional.of("job/" + longName.replace("/", "/job/") + "/7/"), linker.buildUrl(tag));
    }
}
