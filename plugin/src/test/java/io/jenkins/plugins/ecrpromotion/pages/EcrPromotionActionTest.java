package io.jenkins.plugins.ecrpromotion.pages;

import io.jenkins.plugins.ecrpromotion.EcrParameters;
import io.jenkins.plugins.ecrpromotion.EcrPromotionAction;
import io.jenkins.plugins.ecrpromotion.EcrPromotionPermissions;
import io.jenkins.plugins.ecrpromotion.HistoryEntry;
import io.jenkins.plugins.ecrpromotion.ImageRecord;
import io.jenkins.plugins.ecrpromotion.registry.RegistryTarget;

import static io.jenkins.plugins.ecrpromotion.pages.PageFixtures.*;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.mockito.Mockito.doThrow;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import hudson.AbortException;
import jakarta.servlet.http.HttpSession;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.User;
import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.testkit.InMemoryRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.kohsuke.stapler.HttpRedirect;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.StaplerRequest2;
import org.mockito.ArgumentCaptor;
import org.mockito.MockedStatic;

/** The build-page action against the surface: POST only, the Promote permission, history, caching, no secrets. */
@SuppressWarnings({"rawtypes", "unchecked"})
public class EcrPromotionActionTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzSECRETKEY";
    private static final long NOW = 1_764_000_000_000L;
    /** What an administrator set: the page reads with it, not with a shorter timeout of its own. */
    private static final Duration CONFIGURED_TIMEOUT = Duration.ofSeconds(17);

    /** What the mocked HttpResponses factories answer: the status and the message. */
    static final class Answered extends HttpResponses.HttpResponseException {
        private static final long serialVersionUID = 1L;
        final int status;

        Answered(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private InMemoryRegistry registry;
    private Registry opened;
    private Run run;
    private Job job;
    private final StaplerRequest2 req = mock(StaplerRequest2.class);
    private HttpSession session;
    private final List<String> redirectedTo = new ArrayList<>();
    private HttpRedirect redirect;
    private MockedStatic<HttpResponses> responses;
    private MockedStatic<User> users;
    private User alice;
    private int resolves;
    private final List<RegistryTarget> opens = new ArrayList<>();
    private EcrPromotionAction action;

    @Before
    public void setUp() {
        registry = registry();
        opened = registry;
        run = mock(Run.class);
        job = mock(Job.class);
        doReturn(job).when(run).getParent();
        when(job.hasPermission(EcrPromotionPermissions.PROMOTE)).thenReturn(true);
        RegistryTarget target = new RegistryTarget(Repository.of(REPO), EnvironmentChain.DEFAULT,
                RegistryOptions.builder().awsKeys("AKIAEXAMPLEKEYID", SECRET).timeout(CONFIGURED_TIMEOUT).build());
        LiveStates.connector = new RegistryConnector() {
            @Override
            public RegistryTarget resolve(Run<?, ?> r, EcrParameters params) {
                resolves++;
                assertEquals(REPO, params.getRepository());
                return target;
            }

            @Override
            public Registry open(RegistryTarget t) {
                opens.add(t);
                return opened;
            }
        };
        LiveStates.clock = () -> NOW;
        LiveStates.STATES.clear();
        redirect = mock(HttpRedirect.class);
        responses = mockStatic(HttpResponses.class);
        responses.when(() -> HttpResponses.status(anyInt())).thenAnswer(i -> new Answered(i.getArgument(0), null));
        responses.when(HttpResponses::forbidden).thenAnswer(i -> new Answered(403, null));
        responses.when(() -> HttpResponses.errorWithoutStack(anyInt(), anyString()))
                .thenAnswer(i -> new Answered(i.getArgument(0), i.getArgument(1)));
        responses.when(() -> HttpResponses.redirectTo(eq(303), anyString())).thenAnswer(i -> {
            redirectedTo.add(i.getArgument(1));
            return redirect;
        });
        responses.when(() -> HttpResponses.text(anyString())).thenAnswer(i -> new Answered(200, i.getArgument(0)));
        session = mock(HttpSession.class);
        when(req.getSession(true)).thenReturn(session);
        alice = mock(User.class);
        when(alice.getId()).thenReturn("alice");
        users = mockStatic(User.class);
        users.when(User::current).thenReturn(alice);
        when(req.getMethod()).thenReturn("POST");
        when(req.getContextPath()).thenReturn("/jenkins");
        when(run.getUrl()).thenReturn("job/app/11/");
        when(job.getUrl()).thenReturn("job/app/");
        action = EcrPromotionAction.of(run);
        action.recordImage(REPO, TAG_11, DIGEST_11);
        registry.resetCalls();
    }

    @After
    public void tearDown() {
        responses.close();
        users.close();
        LiveStates.connector = RegistryConnector.JENKINS;
        LiveStates.clock = System::currentTimeMillis;
        LiveStates.STATES.clear();
    }

    /** The outcome the click left in the session for the page it redirects to. */
    private Outcome flashed() {
        ArgumentCaptor<Object> c = ArgumentCaptor.forClass(Object.class);
        verify(session).setAttribute(eq(Outcome.SESSION_KEY), c.capture());
        return (Outcome) c.getValue();
    }

    private static Answered answered(HttpResponse r) {
        assertTrue("expected an error answer, got " + r, r instanceof Answered);
        return (Answered) r;
    }

    private String digestOf(String tag) throws Exception {
        return registry.resolve(ImageRef.of(Tag.of(tag))).map(Object::toString).orElse(null);
    }

    @Test
    public void promote_onGet_answers405() {
        when(req.getMethod()).thenReturn("GET");
        assertEquals(405, answered(action.doPromote(req, REPO, "staging", "promote", null)).status);
        assertEquals(0, resolves);
        assertEquals(0, registry.totalCalls());
    }

    @Test
    @SuppressWarnings("rawtypes")
    public void summaries_ofTwoJobsWithTheSameSettings_areCachedSeparately() throws Exception {
        // Same repository and credentials ID in two folders: each folder may hold its own credential with that ID.
        when(job.getFullName()).thenReturn("folder-a/app");
        Run other = mock(Run.class);
        Job otherJob = mock(Job.class);
        when(otherJob.getFullName()).thenReturn("folder-b/app");
        doReturn(otherJob).when(other).getParent();
        EcrPromotionAction second = EcrPromotionAction.of(other);
        second.recordImage(REPO, TAG_11, DIGEST_11);

        RunPages.summaries(action.getRun(), action);
        RunPages.summaries(second.getRun(), second);
        RunPages.summaries(action.getRun(), action);
        RunPages.summaries(second.getRun(), second);

        assertEquals("one read per job, then each job's own cached answer", 2, resolves);
        assertEquals(new LiveStates.PageKey("folder-a/app", new EcrParameters(REPO, null, null, null, null)),
                LiveStates.PageKey.of(run, action.getImage(REPO).toParameters()));
    }

    @Test
    public void promote_whenPermissionMissing_isDeniedByCheckPermissionWithoutReachingTheRegistry() throws Exception {
        registry.seed("testing", IMAGE_11);
        // Jenkins' checkPermission throws AccessDeniedException (a RuntimeException); Stapler then sends an anonymous
        // user to the login page and answers 403 to a logged-in one.
        RuntimeException denied = new RuntimeException("anonymous is missing the ECR Promotion/Promote permission");
        when(job.hasPermission(EcrPromotionPermissions.PROMOTE)).thenReturn(false);
        doThrow(denied).when(job).checkPermission(EcrPromotionPermissions.PROMOTE);

        RuntimeException e = assertThrows(RuntimeException.class, () -> action.doPromote(req, REPO, "staging", "promote", null));

        assertSame(denied, e);
        verify(job).checkPermission(EcrPromotionPermissions.PROMOTE); // on the job, not on the run
        assertEquals(0, resolves);
        assertTrue(opens.isEmpty());
        assertEquals(0, registry.totalCalls());
        assertTrue(action.getHistory().isEmpty());
    }

    @Test
    public void promote_fromTheBuildPageWithoutPermission_redirectsBackWithTheRefusalAndReachesNoRegistry() {
        registry.seed("testing", IMAGE_11);
        when(job.hasPermission(EcrPromotionPermissions.PROMOTE)).thenReturn(false);
        when(job.getFullDisplayName()).thenReturn("app");

        assertSame(redirect, action.doPromote(req, REPO, "staging", "promote", "build"));

        assertEquals(List.of("/jenkins/job/app/11/"), redirectedTo);
        Outcome o = flashed();
        assertEquals(403, o.status());
        assertFalse(o.isSuccess());
        assertTrue(o.message(), o.message().contains("alice lacks the permission ECR Promotion / Promote on app"));
        verify(job, never()).checkPermission(any());
        assertEquals(0, resolves);
        assertEquals(0, registry.totalCalls());
        assertTrue(action.getHistory().isEmpty());
    }

    @Test
    public void promote_fromAStalePage_redirectsBackWith409MessageAndRecordsTheFailure() throws Exception {
        // The page offered "Promote to staging" while testing held build 11; build 12 has replaced it since.
        registry.seed("testing", IMAGE_12).seed("staging", IMAGE_12).seed(TAG_12, IMAGE_12);

        assertSame(redirect, action.doPromote(req, REPO, "staging", "promote", "action"));

        assertEquals(List.of("/jenkins/job/app/11/ecr-promotion/"), redirectedTo);
        Outcome o = flashed();
        assertEquals(409, o.status());
        assertEquals("alert alert-danger", o.getAlertClass());
        assertEquals(DIGEST_12, digestOf("staging"));
        assertTrue(action.getHistory().get(0).getResult().startsWith("failed: "));
    }

    @Test
    public void promote_fromAScriptOnAStalePage_answers409() throws Exception {
        registry.seed("testing", IMAGE_12).seed("staging", IMAGE_12).seed(TAG_12, IMAGE_12);
        assertEquals(409, answered(action.doPromote(req, REPO, "staging", "promote", null)).status);
        assertTrue(redirectedTo.isEmpty());
        verify(session, never()).setAttribute(anyString(), any());
    }

    @Test
    public void promote_fromTheEnvironmentsPage_redirectsThere() throws Exception {
        registry.seed("testing", IMAGE_11).seed(TAG_11, IMAGE_11);
        assertSame(redirect, action.doPromote(req, REPO, "staging", "promote", "environments"));
        assertEquals(List.of("/jenkins/job/app/ecr-environments/"), redirectedTo);
        assertEquals(Outcome.ok("Promoted " + TAG_11 + " to staging."), flashed());
    }

    @Test
    public void promote_withAnUnknownOrigin_answersLikeAScriptAndNeverRedirectsElsewhere() throws Exception {
        registry.seed("testing", IMAGE_11);
        Answered a = answered(action.doPromote(req, REPO, "staging", "promote", "https://evil.example/"));
        assertEquals(200, a.status);
        assertTrue(redirectedTo.isEmpty());
    }

    @Test
    public void doPromote_isRequirePost_onBothPages() throws Exception {
        assertNotNull(EcrPromotionAction.class.getMethod("doPromote", StaplerRequest2.class, String.class, String.class,
                String.class, String.class).getAnnotation(org.kohsuke.stapler.interceptor.RequirePOST.class));
        assertNotNull(EnvironmentsAction.class.getMethod("doPromote", StaplerRequest2.class, int.class, String.class,
                String.class, String.class, String.class).getAnnotation(org.kohsuke.stapler.interceptor.RequirePOST.class));
    }

    @Test
    public void promote_fromPredecessor_movesTagAppendsHistoryAndRedirects() throws Exception {
        registry.seed("testing", IMAGE_11).seed("staging", IMAGE_12).seed(TAG_12, IMAGE_12);
        HttpResponse r = action.doPromote(req, REPO, "staging", "promote", "build");
        assertSame(redirect, r);
        assertEquals(List.of("/jenkins/job/app/11/"), redirectedTo);
        assertEquals(Outcome.ok("Promoted " + TAG_11 + " to staging."), flashed());
        assertEquals(DIGEST_11, digestOf("staging"));
        assertEquals(List.of(new HistoryEntry("alice", NOW, REPO, "staging", TAG_12, DIGEST_12, TAG_11, DIGEST_11,
                "promoted")), action.getHistory());
        verify(run, atLeastOnce()).save();
    }

    @Test
    public void rollback_pointsEnvironmentAtThisBuildByBuildTag() throws Exception {
        registry.seed("testing", IMAGE_12).seed("staging", IMAGE_12).seed("production", IMAGE_12);
        assertSame(redirect, action.doPromote(req, REPO, "production", "rollback", "build"));
        assertEquals(Outcome.ok("Rolled production back to " + TAG_11 + "."), flashed());
        assertEquals(DIGEST_11, digestOf("production"));
        HistoryEntry h = action.getHistory().get(0);
        assertEquals("production", h.getEnvironment());
        assertEquals(TAG_12, h.getFromBuildTag());
        assertEquals(TAG_11, h.getToBuildTag());
        assertEquals("rolled back", h.getResult());
        assertEquals("alice", h.getActor());
    }

    @Test
    public void promote_whenAlreadyThere_recordsUnchanged() throws Exception {
        registry.seed("testing", IMAGE_11).seed("staging", IMAGE_11);
        assertEquals(200, answered(action.doPromote(req, REPO, "staging", "promote", null)).status);
        assertEquals(0, registry.calls("putManifest"));
        assertEquals("unchanged", action.getHistory().get(0).getResult());
    }

    @Test
    public void promote_whenAnonymous_recordsAnonymous() throws Exception {
        users.when(User::current).thenReturn(null);
        registry.seed("testing", IMAGE_11);
        action.doPromote(req, REPO, "staging", "promote", null);
        assertEquals("anonymous", action.getHistory().get(0).getActor());
    }

    @Test
    public void promote_whenPredecessorNoLongerHoldsThisBuild_answers409AndWritesNothing() throws Exception {
        registry.seed("testing", IMAGE_12);
        Answered a = answered(action.doPromote(req, REPO, "staging", "promote", null));
        assertEquals(409, a.status);
        assertTrue(a.getMessage(), a.getMessage().contains("testing no longer holds it"));
        assertEquals(0, registry.calls("putManifest"));
        assertEquals(null, digestOf("staging"));
    }

    @Test
    public void promote_toFirstEnvironment_answers400() {
        Answered a = answered(action.doPromote(req, REPO, "testing", "promote", null));
        assertEquals(400, a.status);
        assertTrue(a.getMessage(), a.getMessage().contains("first environment"));
    }

    @Test
    public void promote_unknownEnvironment_answers400WithoutOpeningTheRegistry() {
        Answered a = answered(action.doPromote(req, REPO, "qa", "promote", null));
        assertEquals(400, a.status);
        assertTrue(a.getMessage(), a.getMessage().contains("qa"));
        assertFalse(a.getMessage().contains("\n"));
        assertTrue(opens.isEmpty());
    }

    @Test
    public void promote_unknownRepositoryOrMode_answers400() {
        assertEquals(400, answered(action.doPromote(req, "registry.example.com/other/app", "staging", "promote", null)).status);
        assertEquals(400, answered(action.doPromote(req, REPO, "staging", "delete", null)).status);
        assertEquals(0, resolves);
    }

    @Test
    public void promote_whenResolutionFails_answersItsLine() {
        LiveStates.connector = new RegistryConnector() {
            @Override
            public RegistryTarget resolve(Run<?, ?> r, EcrParameters params) throws AbortException {
                throw new AbortException("Tried to find the credentials 'nope' but failed. Check the credentials ID 'nope'.");
            }

            @Override
            public Registry open(RegistryTarget t) {
                throw new AssertionError("must not open");
            }
        };
        Answered a = answered(action.doPromote(req, REPO, "staging", "promote", null));
        assertEquals(400, a.status);
        assertTrue(a.getMessage().contains("credentials ID 'nope'"));
    }

    @Test
    public void promote_whenRegistryErrorQuotesTheSecret_answers502AndRecordsFailureWithoutIt() throws Exception {
        opened = failingRegistry(new RegistryException(RegistryException.Reason.AUTH,
                "Tried to read testing but failed because the registry said: bad signature for " + SECRET));
        Answered a = answered(action.doPromote(req, REPO, "staging", "promote", null));
        assertEquals(502, a.status);
        assertFalse(a.getMessage(), a.getMessage().contains(SECRET));
        assertTrue(a.getMessage(), a.getMessage().contains("****"));
        assertTrue(a.getMessage(), a.getMessage().contains("Check credentialsId: in the build page"));
        HistoryEntry h = action.getHistory().get(0);
        assertTrue(h.getResult(), h.getResult().startsWith("failed: "));
        assertFalse(h.toString().contains(SECRET));
        assertFalse(new String(serialize(new ArrayList<>(action.getHistory())), StandardCharsets.ISO_8859_1).contains(SECRET));
    }

    @Test
    public void summary_showsLiveStateAndPromoteButton() throws Exception {
        registry.seed("testing", IMAGE_11).seed("staging", IMAGE_12);
        List<BuildPageModel> s = RunPages.summaries(action.getRun(), action);
        assertEquals(1, s.size());
        assertEquals(List.of("Promote to staging"), s.get(0).getButtons().stream().map(Object::toString).toList());
        assertEquals(TAG_12, s.get(0).getRows().get(1).getBuildTag());
        assertEquals(CONFIGURED_TIMEOUT, opens.get(0).options().timeout());
    }

    @Test
    public void summary_readsRegistryOncePerTtl_andAgainAfterAPromotion() throws Exception {
        registry.seed("testing", IMAGE_11);
        RunPages.summaries(action.getRun(), action);
        RunPages.summaries(action.getRun(), action);
        assertEquals(1, opens.size());
        action.doPromote(req, REPO, "staging", "promote", null);
        assertEquals(2, opens.size());
        List<BuildPageModel> after = RunPages.summaries(action.getRun(), action);
        assertEquals(3, opens.size());
        assertTrue(after.get(0).getRows().get(1).isThisBuild());
    }

    @Test
    public void summary_whenStateFails_saysUnavailableWithoutTheSecret() {
        opened = failingRegistry(new RegistryException(RegistryException.Reason.UNAVAILABLE,
                "Tried to list tags but failed because the proxy echoed Authorization: " + SECRET));
        BuildPageModel m = RunPages.summaries(action.getRun(), action).get(0);
        assertTrue(m.getUnavailable(), m.getUnavailable().startsWith("state unavailable: Tried to list tags"));
        assertFalse(m.getUnavailable().contains(SECRET));
        assertTrue(m.getButtons().isEmpty());
        assertEquals(DIGEST_11, m.getDigest());
    }

    @Test
    public void summary_whenBackendThrowsUnchecked_stillRenders() {
        opened = mock(Registry.class, i -> {
            if (i.getMethod().getName().equals("close")) {
                return null;
            }
            throw new IllegalStateException("boom " + SECRET);
        });
        BuildPageModel m = RunPages.summaries(action.getRun(), action).get(0);
        assertTrue(m.getUnavailable(), m.getUnavailable().contains("IllegalStateException"));
        assertFalse(m.getUnavailable().contains(SECRET));
    }

    @Test
    public void of_attachesOneActionAndReusesIt() {
        Run r = mock(Run.class);
        EcrPromotionAction first = EcrPromotionAction.of(r);
        verify(r).addAction(first);
        when(r.getAction(EcrPromotionAction.class)).thenReturn(first);
        assertSame(first, EcrPromotionAction.of(r));
        verify(r, times(1)).addAction(any());
        assertSame(r, first.getRun());
    }

    @Test
    public void recordImage_sameRepository_latestWins() throws Exception {
        action.recordImage("registry.example.com/other/app", TAG_11, DIGEST_11);
        action.recordImage(REPO, TAG_12, DIGEST_12);
        assertEquals(List.of(new ImageRecord("registry.example.com/other/app", TAG_11, DIGEST_11),
                new ImageRecord(REPO, TAG_12, DIGEST_12)), action.getImages());
        verify(run, atLeastOnce()).save();
    }

    @Test
    public void addHistory_appendsAndSavesTheRun() throws Exception {
        HistoryEntry h = new HistoryEntry("folder/job#12", NOW, REPO, "testing", null, null, TAG_11, DIGEST_11, "promoted");
        action.addHistory(h);
        assertEquals(List.of(h), action.getHistory());
        verify(run, times(2)).save(); // once for the record in setUp, once for the entry
    }

    @Test
    public void addHistory_whenSaveFails_keepsTheEntry() throws Exception {
        org.mockito.Mockito.doThrow(new java.io.IOException("disk full")).when(run).save();
        action.addHistory(new HistoryEntry("a", 1, REPO, "testing", null, null, TAG_11, DIGEST_11, "promoted"));
        assertEquals(1, action.getHistory().size());
    }

    @Test
    public void persistedFields_arePlainValuesAndNoneHoldsASecret() throws Exception {
        Set<Class<?>> plain = Set.of(String.class, long.class, int.class, boolean.class, List.class,
                ImageRecord.class, HistoryEntry.class, EcrParameters.class);
        for (Class<?> c : List.of(EcrPromotionAction.class, ImageRecord.class, HistoryEntry.class, EcrParameters.class)) {
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) || Modifier.isTransient(m)) {
                    continue;
                }
                assertTrue(c.getSimpleName() + "." + f.getName() + " is persisted but not a plain value: " + f.getType(),
                        plain.contains(f.getType()));
                assertFalse(c.getSimpleName() + "." + f.getName() + " looks like a secret",
                        f.getName().toLowerCase().matches(".*(secret|password|token|accesskey|credentials$).*"));
            }
        }
        assertTrue("the run must not be persisted inside its own build.xml",
                Modifier.isTransient(EcrPromotionAction.class.getDeclaredField("run").getModifiers()));
    }

    @Test
    public void historyAndRecords_surviveSerialization() throws Exception {
        HistoryEntry h = new HistoryEntry("alice", NOW, REPO, "staging", TAG_12, DIGEST_12, TAG_11, DIGEST_11, "promoted");
        ImageRecord i = new ImageRecord(REPO, TAG_11, DIGEST_11, new EcrParameters(REPO, "aws-ci", "eu-west-1", null, null));
        assertEquals(h, deserialize(serialize(h)));
        ImageRecord back = (ImageRecord) deserialize(serialize(i));
        assertEquals(i, back);
        assertEquals("aws-ci", back.toParameters().getCredentialsId());
        assertNotNull(h.getTimeIso());
    }

    private static Registry failingRegistry(RegistryException e) {
        return mock(Registry.class, i -> {
            if (i.getMethod().getName().equals("close")) {
                return null;
            }
            if (i.getMethod().getName().equals("repository")) {
                return Repository.of(REPO);
            }
            throw e;
        });
    }

    private static byte[] serialize(Object o) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream oos = new ObjectOutputStream(out)) {
            oos.writeObject(o);
        }
        return out.toByteArray();
    }

    private static Object deserialize(byte[] b) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b))) {
            return in.readObject();
        }
    }
}
