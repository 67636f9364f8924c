package io.jenkins.plugins.ecrpromotion.pages;

import static io.jenkins.plugins.ecrpromotion.pages.PageFixtures.*;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockConstruction;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import hudson.model.Api;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.User;
import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.testkit.InMemoryRegistry;
import io.jenkins.plugins.ecrpromotion.EcrParameters;
import io.jenkins.plugins.ecrpromotion.EcrPromotionAction;
import io.jenkins.plugins.ecrpromotion.EcrPromotionPermissions;
import io.jenkins.plugins.ecrpromotion.HistoryEntry;
import io.jenkins.plugins.ecrpromotion.ImageRecord;
import io.jenkins.plugins.ecrpromotion.registry.RegistryTarget;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.kohsuke.stapler.HttpRedirect;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.mockito.ArgumentCaptor;
import org.mockito.MockedConstruction;
import org.mockito.MockedStatic;

/** The job's Environments page against the surface: its builds, its clicks (Clicks, like the build page), its API. */
@SuppressWarnings({"rawtypes", "unchecked"})
public class EnvironmentsActionTest {
    private final Job job = mock(Job.class);
    private final Run run11 = mock(Run.class);
    private final Run run12 = mock(Run.class);
    private final StaplerRequest2 req = mock(StaplerRequest2.class);
    private final HttpSession session = mock(HttpSession.class);
    private final HttpRedirect redirect = mock(HttpRedirect.class);
    private final List<String> redirectedTo = new ArrayList<>();
    private InMemoryRegistry registry;
    private MockedStatic<HttpResponses> responses;
    private MockedStatic<User> users;
    private int resolves;
    private EcrPromotionAction action11;
    private EnvironmentsAction page;

    @Before
    public void setUp() {
        registry = registry();
        when(job.getFullName()).thenReturn("app");
        when(job.getFullDisplayName()).thenReturn("app");
        when(job.getUrl()).thenReturn("job/app/");
        when(job.hasPermission(EcrPromotionPermissions.PROMOTE)).thenReturn(true);
        for (Run r : List.of(run11, run12)) {
            doReturn(job).when(r).getParent();
        }
        when(run11.getNumber()).thenReturn(11);
        when(run12.getNumber()).thenReturn(12);
        when(run11.getUrl()).thenReturn("job/app/11/");
        when(run12.getUrl()).thenReturn("job/app/12/");
        doReturn(run12).when(job).getLastBuild();
        doReturn(run11).when(run12).getPreviousBuild();
        doReturn(run11).when(job).getBuildByNumber(11);
        doReturn(run12).when(job).getBuildByNumber(12);
        action11 = EcrPromotionAction.of(run11);
        action11.recordImage(REPO, TAG_11, DIGEST_11);
        action11.addHistory(new HistoryEntry("alice", 1_764_000_000_000L, REPO, "testing", null, null, TAG_11,
                DIGEST_11, "promoted"));
        when(run11.getAction(EcrPromotionAction.class)).thenReturn(action11);
        RegistryTarget target = new RegistryTarget(Repository.of(REPO), EnvironmentChain.DEFAULT,
                RegistryOptions.builder().build());
        LiveStates.connector = new RegistryConnector() {
            @Override
            public RegistryTarget resolve(Run<?, ?> r, EcrParameters params) {
                resolves++;
                return target;
            }

            @Override
            public Registry open(RegistryTarget t) {
                return registry;
            }
        };
        LiveStates.STATES.clear();
        responses = mockStatic(HttpResponses.class);
        responses.when(() -> HttpResponses.redirectTo(eq(303), anyString())).thenAnswer(i -> {
            redirectedTo.add(i.getArgument(1));
            return redirect;
        });
        responses.when(() -> HttpResponses.errorWithoutStack(anyInt(), anyString()))
                .thenAnswer(i -> new EcrPromotionActionTest.Answered(i.getArgument(0), i.getArgument(1)));
        responses.when(() -> HttpResponses.status(anyInt()))
                .thenAnswer(i -> new EcrPromotionActionTest.Answered(i.getArgument(0), null));
        users = mockStatic(User.class);
        when(req.getMethod()).thenReturn("POST");
        when(req.getContextPath()).thenReturn("");
        when(req.getSession(true)).thenReturn(session);
        page = new EnvironmentsAction(job);
    }

    @After
    public void tearDown() {
        responses.close();
        users.close();
        LiveStates.connector = RegistryConnector.JENKINS;
        LiveStates.STATES.clear();
    }

    private Outcome flashed() {
        ArgumentCaptor<Object> c = ArgumentCaptor.forClass(Object.class);
        verify(session).setAttribute(eq(Outcome.SESSION_KEY), c.capture());
        return (Outcome) c.getValue();
    }

    @Test
    public void page_listsTheRepositoriesOfTheJobsBuilds_withoutReachingTheRegistry() {
        assertEquals(List.of(REPO), page.getRepositoryNames());
        assertEquals(0, resolves);
        assertEquals("ecr-environments", page.getUrlName());
        assertEquals("Environments", page.getDisplayName());
    }

    @Test
    public void factory_addsThePageOnlyToJobsWhoseBuildsRecordedImages() {
        assertEquals(1, new EnvironmentsActionFactory().createFor(job).size());
        Job empty = mock(Job.class);
        assertTrue(new EnvironmentsActionFactory().createFor(empty).isEmpty());
        assertEquals(0, resolves);
    }

    /**
     * Attack (cost): Jenkins asks every transient action factory on each job page view and each {@code actions} of a
     * job API answer; a job that never recorded an image used to load and look through its last 20 builds every time.
     * Once its finished builds are known to hold no image, only a new build makes the factory look again.
     */
    @Test
    public void factory_onAJobWithoutImages_looksThroughItsBuildsOnceUntilANewBuild() {
        java.util.concurrent.atomic.AtomicInteger walked = new java.util.concurrent.atomic.AtomicInteger();
        Job plain = mock(Job.class);
        Run last = null;
        for (int n = 1; n <= 30; n++) {
            Run r = mock(Run.class);
            when(r.getNumber()).thenReturn(n);
            Run previous = last;
            when(r.getPreviousBuild()).thenAnswer(inv -> {
                walked.incrementAndGet();
                return previous;
            });
            last = r;
        }
        when(plain.getLastBuild()).thenReturn(last);
        EnvironmentsActionFactory factory = new EnvironmentsActionFactory();

        assertTrue(factory.createFor(plain).isEmpty());
        int first = walked.get();
        assertTrue("looked back " + first, first > 0 && first <= EnvironmentsActionFactory.LOOK_BACK);
        for (int i = 0; i < 5; i++) {
            assertTrue(factory.createFor(plain).isEmpty());
        }
        assertEquals("builds looked through again for the same last build", first, walked.get());

        // A new build that records an image shows the link at once, even while it runs.
        Run newer = mock(Run.class);
        when(newer.getNumber()).thenReturn(31);
        when(newer.isBuilding()).thenReturn(true);
        Run before = last;
        when(newer.getPreviousBuild()).thenReturn(before);
        when(plain.getLastBuild()).thenReturn(newer);
        assertTrue(factory.createFor(plain).isEmpty());
        EcrPromotionAction recorded = mock(EcrPromotionAction.class);
        when(recorded.getImages()).thenReturn(List.of(record11()));
        when(newer.getAction(EcrPromotionAction.class)).thenReturn(recorded);
        assertEquals(1, factory.createFor(plain).size());
    }

    @Test
    public void promote_goesThroughTheBuildsClick_andComesBackToThisPage() throws Exception {
        registry.seed("testing", IMAGE_11);

        assertSame(redirect, page.doPromote(req, 11, REPO, "staging", "promote", "environments"));

        assertEquals(List.of("/job/app/ecr-environments/"), redirectedTo);
        assertEquals(Outcome.ok("Promoted " + TAG_11 + " to staging."), flashed());
        assertEquals(DIGEST_11, registry.resolve(io.github.ecrpromotion.core.ref.ImageRef.of(
                io.github.ecrpromotion.core.ref.Tag.of("staging"))).orElseThrow().toString());
        assertEquals("promoted", action11.getHistory().get(1).getResult());
    }

    @Test
    public void promote_withoutPermission_comesBackWithTheRefusal_andWritesNothing() throws Exception {
        registry.seed("testing", IMAGE_11);
        when(job.hasPermission(EcrPromotionPermissions.PROMOTE)).thenReturn(false);

        assertSame(redirect, page.doPromote(req, 11, REPO, "staging", "promote", "environments"));

        assertEquals(403, flashed().status());
        assertEquals(0, resolves);
        assertEquals(0, registry.calls("putManifest"));
    }

    @Test
    public void promote_fromAStaleEnvironmentsPage_comesBackWith409AndWritesNothing() throws Exception {
        // The page offered "#11 Promote to staging"; build 12's image reached testing since.
        registry.seed("testing", IMAGE_12);

        assertSame(redirect, page.doPromote(req, 11, REPO, "staging", "promote", "environments"));

        assertEquals(List.of("/job/app/ecr-environments/"), redirectedTo);
        assertEquals(409, flashed().status());
        assertEquals(0, registry.calls("putManifest"));
        assertTrue(action11.getHistory().get(1).getResult().startsWith("failed: "));
    }

    @Test
    public void promote_onGet_answers405AndDoesNothing() {
        when(req.getMethod()).thenReturn("GET");
        assertEquals(405, ((EcrPromotionActionTest.Answered) page.doPromote(req, 11, REPO, "staging", "promote",
                "environments")).status);
        assertEquals(0, resolves);
        verify(session, never()).setAttribute(anyString(), any());
    }

    @Test
    public void promote_ofABuildWithoutRecord_answers404() {
        EcrPromotionActionTest.Answered a = (EcrPromotionActionTest.Answered) page.doPromote(req, 12, REPO, "staging",
                "promote", "environments");
        assertEquals(404, a.status);
        assertTrue(redirectedTo.isEmpty());
    }

    @Test
    public void state_offersButtonsOnlyToUsersWithThePromotePermission() throws Exception {
        registry.seed("testing", IMAGE_11);
        JsonNode with = new ObjectMapper().readTree(((JsonAnswer) page.doState()).json());
        assertEquals(1, with.get("sections").get(0).get("rows").get(1).get(5).get("buttons").size());
        when(job.hasPermission(EcrPromotionPermissions.PROMOTE)).thenReturn(false);
        JsonNode without = new ObjectMapper().readTree(((JsonAnswer) page.doState()).json());
        assertEquals(5, without.get("sections").get(0).get("rows").get(1).size());
    }

    @Test
    public void api_isRefusedToAViewerWithoutReadPermission_beforeAnythingIsExported() {
        RuntimeException denied = new RuntimeException("anonymous is missing the Job/Read permission");
        doThrow(denied).when(job).checkPermission(Item.READ);
        try (MockedConstruction<Api> apis = mockConstruction(Api.class)) {
            assertSame(denied, assertThrows(RuntimeException.class, page::getApi));
            assertSame(denied, assertThrows(RuntimeException.class, action11::getApi));
            assertTrue(apis.constructed().isEmpty());
        }
        assertEquals(0, resolves);
    }

    @Test
    public void api_forAReader_servesThePage() {
        try (MockedConstruction<Api> apis = mockConstruction(Api.class)) {
            assertNotNull(page.getApi());
            assertNotNull(action11.getApi());
            assertEquals(2, apis.constructed().size());
        }
        verify(job, org.mockito.Mockito.times(2)).checkPermission(Item.READ);
    }

    @Test
    public void api_exportsRepositoriesEnvironmentsAndHistory() throws Exception {
        registry.seed("testing", IMAGE_11);
        EnvironmentsPageModel.Section s = page.getSections().get(0);
        assertEquals(REPO, s.getRepository());
        EnvironmentsPageModel.Row testing = s.getRows().get(0);
        assertEquals("alice", testing.getPromotedBy());
        assertEquals("2025-11-24T16:00:00Z", testing.getPromotedAt());
        assertEquals(Integer.valueOf(11), testing.getBuildNumber());
        // What Stapler serves: every such getter is @Exported, on @ExportedBean classes.
        assertExported(EnvironmentsAction.class, "getSections");
        assertExported(EnvironmentsPageModel.Section.class, "getRepository", "getUnavailable", "getWarnings", "getRows");
        assertExported(EnvironmentsPageModel.Row.class, "getEnvironment", "isPresent", "getBuildTag", "getDigest",
                "getBuildNumber", "getBuildUrl", "getPromotedAt", "getPromotedBy");
        assertExported(EcrPromotionAction.class, "getImages", "getHistory", "getLiveState");
        assertExported(ImageRecord.class, "getRepository", "getBuildTag", "getDigest");
        assertExported(HistoryEntry.class, "getActor", "getTimeIso", "getRepository", "getEnvironment",
                "getFromBuildTag", "getFromDigest", "getToBuildTag", "getToDigest", "getResult");
        assertExported(BuildPageModel.class, "getRepository", "getBuildTag", "getDigest", "getRows", "getUnavailable");
        assertExported(BuildPageModel.EnvironmentRow.class, "getEnvironment", "isPresent", "getBuildTag", "getDigest",
                "isThisBuild");
        // Buttons are the page's business, not the API's.
        assertEquals(null, EnvironmentsPageModel.Row.class.getMethod("getButtons").getAnnotation(Exported.class));
        assertEquals(null, BuildPageModel.class.getMethod("getButtons").getAnnotation(Exported.class));
    }

    @Test
    public void runAction_exportsTheLiveStateOfItsImages() {
        registry.seed("testing", IMAGE_11);
        List<BuildPageModel> live = action11.getLiveState();
        assertEquals(REPO, live.get(0).getRepository());
        assertTrue(live.get(0).getRows().get(0).isThisBuild());
    }

    private static void assertExported(Class<?> type, String... getters) throws Exception {
        assertNotNull(type + " is an @ExportedBean", type.getAnnotation(ExportedBean.class));
        for (String g : getters) {
            Method m = type.getMethod(g);
            assertNotNull(type.getSimpleName() + "#" + g + " is @Exported", m.getAnnotation(Exported.class));
        }
    }
}
