package io.jenkins.plugins.ecrpromotion.pages;

import static io.jenkins.plugins.ecrpromotion.pages.PageFixtures.*;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import hudson.AbortException;
import hudson.model.Job;
import hudson.model.Run;
import io.github.ecrpromotion.core.registry.Registry;
import io.jenkins.plugins.ecrpromotion.EcrParameters;
import io.jenkins.plugins.ecrpromotion.EcrPromotionAction;
import io.jenkins.plugins.ecrpromotion.ImageRecord;
import io.jenkins.plugins.ecrpromotion.registry.RegistryTarget;
import java.util.List;
import java.util.Optional;
import org.junit.After;
import org.junit.Test;

/** Badges: one per environment holding the build's image, from the last state read; never a registry call. */
@SuppressWarnings({"rawtypes", "unchecked"})
public class EnvironmentBadgeActionTest {
    private long now = 1_764_000_000_000L;
    private int registryCalls;

    @After
    public void tearDown() {
        LiveStates.connector = RegistryConnector.JENKINS;
        LiveStates.clock = System::currentTimeMillis;
        LiveStates.STATES.clear();
    }

    private static List<String> names(List<EnvironmentBadgeAction.Badge> badges) {
        return badges.stream().map(EnvironmentBadgeAction.Badge::getEnvironment).toList();
    }

    @Test
    public void badges_namesEveryEnvironmentHoldingTheImage_inChainOrder() throws Exception {
        StateCache.LiveState live = live(registry().seed("testing", IMAGE_11).seed("staging", IMAGE_12)
                .seed("production", IMAGE_11));
        List<EnvironmentBadgeAction.Badge> b = EnvironmentBadgeAction.of(List.of(record11()), i -> Optional.of(live));
        assertEquals(List.of("testing", "production"), names(b));
        assertEquals("production holds this build\u2019s image of " + REPO, b.get(1).getTooltip());
    }

    @Test
    public void badges_whenTheBuildLeftEveryEnvironment_orNothingIsKnown_orTheStateFailed_areNone() throws Exception {
        StateCache.LiveState elsewhere = live(registry().seed("testing", IMAGE_12).seed("staging", IMAGE_12));
        assertTrue(EnvironmentBadgeAction.of(List.of(record11()), i -> Optional.of(elsewhere)).isEmpty());
        assertTrue(EnvironmentBadgeAction.of(List.of(record11()), i -> Optional.empty()).isEmpty());
        assertTrue(EnvironmentBadgeAction.of(List.of(record11()),
                i -> Optional.of(StateCache.LiveState.unavailable("down"))).isEmpty());
    }

    @Test
    public void factory_usesOnlyTheCachedState_andNeverReachesTheRegistry() throws Exception {
        LiveStates.clock = () -> now;
        LiveStates.connector = new RegistryConnector() {
            @Override
            public RegistryTarget resolve(Run<?, ?> r, EcrParameters p) throws AbortException {
                registryCalls++;
                throw new AbortException("no registry in this test");
            }

            @Override
            public Registry open(RegistryTarget t) {
                registryCalls++;
                return null;
            }
        };
        Run run = mock(Run.class);
        Job job = mock(Job.class);
        when(job.getFullName()).thenReturn("app");
        doReturn(job).when(run).getParent();
        EcrPromotionAction action = EcrPromotionAction.of(run);
        action.recordImage(REPO, TAG_11, DIGEST_11);
        when(run.getAction(EcrPromotionAction.class)).thenReturn(action);
        EnvironmentBadgeFactory factory = new EnvironmentBadgeFactory();

        assertTrue("nothing read yet: no badge", factory.createFor(run).isEmpty());
        assertEquals(0, registryCalls);

        // A page read the state (the build's image is in testing); a minute later the history shows the badge.
        ImageRecord image = action.getImage(REPO);
        LiveStates.STATES.get(LiveStates.PageKey.of(run, image.toParameters()),
                () -> uncheckedLive(registry().seed("testing", IMAGE_11)));
        now += 60_000;
        List<? extends hudson.model.Action> actions = (List) factory.createFor(run);
        assertEquals(1, actions.size());
        EnvironmentBadgeAction badge = (EnvironmentBadgeAction) actions.get(0);
        assertEquals(List.of("testing"), names(badge.getBadges()));
        assertNull("no side-panel link", badge.getIconFileName());
        assertEquals(0, registryCalls);
        assertEquals(EnvironmentBadgeAction.class, factory.actionType());
    }

    private static StateCache.LiveState uncheckedLive(io.github.ecrpromotion.testkit.InMemoryRegistry r) {
        try {
            return live(r);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
