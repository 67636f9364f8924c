package io.jenkins.plugins.ecrpromotion.pages;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import hudson.model.Job;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.ACLContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.junit.Test;
import org.mockito.MockedStatic;

/** The Jenkins side of the build linker, against the surface. */
@SuppressWarnings({"rawtypes", "unchecked"})
public class JenkinsJobDirectoryTest {
    @Test
    public void jobs_listsAllJobsAsSystem_andLinksOnlyVisibleExistingBuilds() {
        Jenkins jenkins = mock(Jenkins.class);
        Job visible = mock(Job.class);
        Job hidden = mock(Job.class);
        Run build = mock(Run.class);
        when(visible.getFullName()).thenReturn("team/ecs-demo");
        when(hidden.getFullName()).thenReturn("secret-project");
        when(visible.hasPermission(any())).thenReturn(true);
        when(hidden.hasPermission(any())).thenReturn(false);
        doReturn(build).when(visible).getBuildByNumber(11);
        doReturn(build).when(hidden).getBuildByNumber(11);
        when(build.getUrl()).thenReturn("job/team/job/ecs-demo/11/");
        when(jenkins.getAllItems(Job.class)).thenReturn(List.of(visible, hidden));
        ACLContext context = mock(ACLContext.class);
        try (MockedStatic<Jenkins> j = mockStatic(Jenkins.class); MockedStatic<ACL> acl = mockStatic(ACL.class)) {
            j.when(Jenkins::getInstanceOrNull).thenReturn(jenkins);
            acl.when(() -> ACL.as2(any())).thenReturn(context);
            List<BuildLinker.JobRef> refs = new JenkinsJobDirectory().jobs();
            verify(context).close(); // back to the viewer's identity
            assertEquals(List.of("team/ecs-demo", "secret-project"), refs.stream().map(BuildLinker.JobRef::fullName).toList());
            assertEquals("job/team/job/ecs-demo/11/", refs.get(0).buildUrl(11));
            assertNull(refs.get(0).buildUrl(12));
            assertNull(refs.get(1).buildUrl(11));

            BuildLinker linker = new BuildLinker(new JenkinsJobDirectory(), Duration.ofMinutes(1), () -> 0L);
            assertEquals(Optional.of("job/team/job/ecs-demo/11/"),
                    linker.buildUrl("2026.11.25T14.03.12Z.5ad95f2-team-ecs-demo-11"));
            assertEquals(Optional.empty(), linker.buildUrl("2026.11.25T14.03.12Z.5ad95f2-secret-project-11"));
        }
    }

    @Test
    public void jobs_whenJenkinsIsGone_isEmpty() {
        try (MockedStatic<Jenkins> j = mockStatic(Jenkins.class)) {
            j.when(Jenkins::getInstanceOrNull).thenReturn(null);
            assertEquals(List.of(), new JenkinsJobDirectory().jobs());
        }
    }
}
