package io.jenkins.plugins.ecrpromotion.pages;

import io.jenkins.plugins.ecrpromotion.EcrParameters;
import io.jenkins.plugins.ecrpromotion.EcrPromotionAction;
import io.jenkins.plugins.ecrpromotion.EcrPromotionPermissions;
import io.jenkins.plugins.ecrpromotion.HistoryEntry;
import io.jenkins.plugins.ecrpromotion.registry.RegistryTarget;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.when;

import hudson.model.Job;
import hudson.model.Run;
import hudson.model.User;
import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.testkit.MotoServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.kohsuke.stapler.HttpRedirect;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.StaplerRequest2;
import org.mockito.MockedStatic;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;

/**
 * The build page against a real moto server through the ECR backend (found by ServiceLoader, as in Jenkins): the
 * summary reads the live state, the promote button moves the tag, the history records it, no secret shows.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public class EcrPromotionActionMotoTest {
    private static final String HOST = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
    private static final String NAME = "oe/ecs-demo";
    private static final String REPO = HOST + "/" + NAME;
    private static final String KEY_ID = "AKIAMOTOEXAMPLE";
    private static final String SECRET = "motoSecretAccessKey/DoNotShow+1234567890";
    private static final String TAG_11 = "2026.11.25T14.03.12Z.5ad95f2-ecs-demo-11";
    private static final RawManifest IMAGE_11 = SyntheticImage.dockerV2("moto build 11").manifest();

    private MotoServer moto;
    private MockedStatic<HttpResponses> responses;
    private MockedStatic<User> users;
    private HttpRedirect redirect;
    private EcrPromotionAction action;

    @Before
    public void setUp() {
        moto = MotoServer.shared(); // fails (not skips) when moto is missing
        moto.reset();
        try (EcrClient sdk = EcrClient.builder().region(Region.US_EAST_1).endpointOverride(URI.create(moto.endpoint()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_ID, SECRET))).build()) {
            sdk.createRepository(b -> b.repositoryName(NAME));
            for (String tag : List.of(TAG_11, "testing")) {
                sdk.putImage(b -> b.registryId("123456789012").repositoryName(NAME).imageManifest(IMAGE_11.text())
                        .imageManifestMediaType(IMAGE_11.mediaType()).imageDigest(IMAGE_11.digest().toString()).imageTag(tag));
            }
        }
        RegistryTarget target = new RegistryTarget(Repository.of(REPO), EnvironmentChain.DEFAULT,
                RegistryOptions.builder().endpointUrl(moto.endpoint()).awsKeys(KEY_ID, SECRET).timeout(Duration.ofSeconds(20)).build());
        LiveStates.connector = new RegistryConnector() {
            @Override
            public RegistryTarget resolve(Run<?, ?> run, EcrParameters params) {
                return target;
            }

            @Override
            public Registry open(RegistryTarget t) throws hudson.AbortException {
                return RegistryConnector.JENKINS.open(t); // the real path: Registries.open -> ECR backend
            }
        };
        LiveStates.STATES.clear();
        Run run = mock(Run.class);
        Job job = mock(Job.class);
        doReturn(job).when(run).getParent();
        when(job.hasPermission(EcrPromotionPermissions.PROMOTE)).thenReturn(true);
        redirect = mock(HttpRedirect.class);
        responses = mockStatic(HttpResponses.class);
        responses.when(() -> HttpResponses.redirectTo(303, "/job/app/11/")).thenReturn(redirect);
        responses.when(() -> HttpResponses.errorWithoutStack(anyInt(), anyString()))
                .thenAnswer(i -> new EcrPromotionActionTest.Answered(i.getArgument(0), i.getArgument(1)));
        users = mockStatic(User.class);
        users.when(User::current).thenReturn(null);
        action = EcrPromotionAction.of(run);
        action.recordImage(REPO, TAG_11, IMAGE_11.digest().toString());
    }

    @After
    public void tearDown() {
        responses.close();
        users.close();
        LiveStates.connector = RegistryConnector.JENKINS;
        LiveStates.STATES.clear();
    }

    @Test
    public void summaryAndPromoteButton_onMoto_readStateMoveTagAndRecordHistory() {
        BuildPageModel before = RunPages.summaries(action.getRun(), action).get(0);
        assertNull(before.getUnavailable(), before.getUnavailable());
        assertTrue(before.getRows().get(0).isThisBuild());
        assertEquals(TAG_11, before.getRows().get(0).getBuildTag());
        assertEquals(List.of("Promote to staging"), before.getButtons().stream().map(Object::toString).toList());

        StaplerRequest2 req = mock(StaplerRequest2.class);
        when(req.getMethod()).thenReturn("POST");
        when(req.getContextPath()).thenReturn("");
        when(req.getSession(true)).thenReturn(mock(jakarta.servlet.http.HttpSession.class));
        when(action.getRun().getUrl()).thenReturn("job/app/11/");
        Object answer = action.doPromote(req, REPO, "staging", "promote", "build");
        assertSame(String.valueOf(answer instanceof Exception e ? e.getMessage() : answer), redirect, answer);

        HistoryEntry h = action.getHistory().get(0);
        assertEquals("anonymous", h.getActor());
        assertEquals("staging", h.getEnvironment());
        assertNull(h.getFromDigest());
        assertEquals(TAG_11, h.getToBuildTag());
        assertEquals("promoted", h.getResult());

        BuildPageModel after = RunPages.summaries(action.getRun(), action).get(0);
        assertTrue(after.getRows().get(1).isThisBuild());
        assertEquals(List.of("Promote to production"), after.getButtons().stream().map(Object::toString).toList());
        assertNull(after.getUnavailable());
        assertFalse(h.toString().contains(SECRET));
    }
}
