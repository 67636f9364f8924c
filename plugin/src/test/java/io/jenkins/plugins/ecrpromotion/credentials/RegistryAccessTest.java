package io.jenkins.plugins.ecrpromotion.credentials;

import io.jenkins.plugins.ecrpromotion.EcrParameters;
import io.jenkins.plugins.ecrpromotion.EcrPromotionConfiguration;
import io.jenkins.plugins.ecrpromotion.pages.RegistryConnector;
import io.jenkins.plugins.ecrpromotion.registry.RegistryTarget;
import io.jenkins.plugins.ecrpromotion.steps.StepFixture;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.ExtensionList;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.User;
import hudson.model.queue.Tasks;
import java.util.Map;
import java.util.Optional;
import org.junit.After;
import org.junit.Test;
import org.mockito.MockedStatic;
import org.springframework.security.core.Authentication;

/**
 * How credentials are looked up: a running step through its run, tracked; the build page and its buttons through
 * the job, as the job's builds would see them, never tracked; STS sessions named after the build or the user.
 */
public class RegistryAccessTest {
    private static final String REPO = StepFixture.REPO;

    private final EcrPromotionConfiguration config = new EcrPromotionConfiguration();
    private final MockedStatic<ExtensionList> extensions = mockStatic(ExtensionList.class);
    private final MockedStatic<CredentialsProvider> provider = mockStatic(CredentialsProvider.class);
    private final MockedStatic<Tasks> tasks = mockStatic(Tasks.class);
    private final MockedStatic<User> users = mockStatic(User.class);
    /** No Jenkins instance: getInstanceOrNull() answers null, so no proxy is configured. */
    private final MockedStatic<jenkins.model.Jenkins> jenkins = mockStatic(jenkins.model.Jenkins.class);
    private final TestDomains domains = new TestDomains();
    private final Authentication jobAuthentication = mock(Authentication.class);
    private final AmazonWebServicesCredentials aws = TestCredentials.aws("ecr");
    @SuppressWarnings("rawtypes")
    private final Run run = mock(Run.class);
    @SuppressWarnings("rawtypes")
    private final Job job = mock(Job.class, withSettings().extraInterfaces(Queue.Task.class));

    public RegistryAccessTest() {
        extensions.when(() -> ExtensionList.lookupSingleton(EcrPromotionConfiguration.class)).thenReturn(config);
        when(job.getFullName()).thenReturn("team/ecs-demo");
        doReturn(job).when(run).getParent();
        when(run.getNumber()).thenReturn(11);
        tasks.when(() -> Tasks.getAuthenticationOf2((Queue.Task) job)).thenReturn(jobAuthentication);
        User alice = mock(User.class);
        when(alice.getId()).thenReturn("alice");
        users.when(User::current).thenReturn(alice);
    }

    @After
    public void close() {
        domains.close();
        jenkins.close();
        users.close();
        tasks.close();
        provider.close();
        extensions.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    public void forStep_looksUpThroughTheRun_tracksTheUse_andNamesTheSessionAfterTheBuild() throws Exception {
        // Looked up for the registry's host only: a credential restricted to another domain is not found.
        provider.when(() -> CredentialsProvider.findCredentialById("ecr", StandardCredentials.class, run,
                domains.of("https://123456789012.dkr.ecr.us-east-1.amazonaws.com"))).thenReturn(aws);

        RegistryTarget t = RegistryAccess.forStep(run, Map.of(), new EcrParameters(REPO, "ecr", null, null, null), "ecrPromote");

        assertEquals(Optional.of("AKIAIOSFODNN7EXAMPLE"), t.options().accessKeyId());
        assertEquals("team-ecs-demo-11", t.options().roleSessionName());
        provider.verify(() -> CredentialsProvider.track(run, aws));
        provider.verify(() -> CredentialsProvider.findCredentialByIdInItem(any(), any(), any(), any(), anyList()), never());
    }

    @Test
    public void forStep_readsTheStepEnvironment() throws Exception {
        RegistryTarget t = RegistryAccess.forStep(run, Map.of("AWS_ACCESS_KEY_ID", "ASIAWITHAWS",
                "AWS_SECRET_ACCESS_KEY", "s", "AWS_SESSION_TOKEN", "tok", "AWS_ENDPOINT_URL_ECR", "https://vpce.example.com"),
                new EcrParameters(REPO, null, null, null, null), "ecrState");

        assertEquals(Optional.of("ASIAWITHAWS"), t.options().accessKeyId());
        assertEquals(Optional.of("tok"), t.options().sessionToken());
        assertEquals(Optional.of("https://vpce.example.com"), t.options().endpointUrl());
    }

    @Test
    @SuppressWarnings("unchecked")
    public void forPage_looksUpInTheJobAsItsBuildsRun_withoutTracking_andNamesTheSessionAfterTheUser() throws Exception {
        provider.when(() -> CredentialsProvider.findCredentialByIdInItem(eq("ecr"), eq(StandardCredentials.class),
                eq(job), eq(jobAuthentication), eq(domains.of("https://123456789012.dkr.ecr.us-east-1.amazonaws.com"))))
                .thenReturn(aws);

        RegistryTarget t = RegistryAccess.forPage(run, new EcrParameters(REPO, "ecr", null, null, null), "alice", "the build page");

        assertEquals(Optional.of("AKIAIOSFODNN7EXAMPLE"), t.options().accessKeyId());
        assertEquals("user-alice", t.options().roleSessionName());
        provider.verify(() -> CredentialsProvider.track(any(Run.class), any()), never());
        provider.verify(() -> CredentialsProvider.track(any(Item.class), any()), never());
    }

    @Test
    public void jenkinsConnector_actsForTheClickingUser_withoutTracking() throws Exception {
        provider.when(() -> CredentialsProvider.findCredentialByIdInItem(eq("ecr"), eq(StandardCredentials.class),
                eq(job), eq(jobAuthentication), anyList())).thenReturn(aws);

        RegistryTarget t = RegistryConnector.JENKINS.resolve(run, new EcrParameters(REPO, "ecr", null, null, null));

        assertEquals("user-alice", t.options().roleSessionName());
        provider.verify(() -> CredentialsProvider.track(any(Run.class), any()), never());
    }

    @Test
    public void authenticationOf_aJobThatIsNoTask_isTheSystem() {
        Item folder = mock(Item.class);
        assertSame(hudson.security.ACL.SYSTEM2, RegistryAccess.authenticationOf(folder));
        assertSame(jobAuthentication, RegistryAccess.authenticationOf(job));
    }

    @Test
    @SuppressWarnings("unchecked")
    public void forPage_ofAJobThatIsNoTask_looksUpAsTheSystem() throws Exception {
        Job plain = mock(Job.class);
        when(plain.getFullName()).thenReturn("plain");
        Run r = mock(Run.class);
        doReturn(plain).when(r).getParent();
        provider.when(() -> CredentialsProvider.findCredentialByIdInItem(eq("ecr"), eq(StandardCredentials.class),
                eq(plain), isNull(), anyList())).thenReturn(aws);

        RegistryTarget t = RegistryAccess.forPage(r, new EcrParameters(REPO, "ecr", null, null, null), "bob", "the build page");

        assertEquals(Optional.of("AKIAIOSFODNN7EXAMPLE"), t.options().accessKeyId());
    }

    @Test
    public void forStep_aCredentialRestrictedToAnotherRegistrysDomain_isNotFound() throws Exception {
        // The store answers only for another host's domain, as the credentials plugin does for a restricted credential.
        provider.when(() -> CredentialsProvider.findCredentialById("ecr", StandardCredentials.class, run,
                domains.of("https://210987654321.dkr.ecr.eu-west-1.amazonaws.com"))).thenReturn(aws);
        hudson.AbortException e = org.junit.Assert.assertThrows(hudson.AbortException.class, () -> RegistryAccess.forStep(
                run, Map.of(), new EcrParameters(REPO, "ecr", null, null, null), "ecrPromote"));
        assertTrue(e.getMessage(), e.getMessage().contains("no credentials with that ID are visible"));
    }
}
