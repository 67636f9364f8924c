package io.jenkins.plugins.ecrpromotion.pages;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.servlet.http.HttpSession;
import org.junit.Test;

/** The flash that carries a click's outcome to its page once, and the fixed pages a click may return to. */
public class OutcomeAndOriginTest {
    @Test
    public void takeFrom_returnsTheOutcomeOnceAndRemovesIt() {
        HttpSession session = mock(HttpSession.class);
        Outcome o = new Outcome(409, "stale");
        when(session.getAttribute(Outcome.SESSION_KEY)).thenReturn(o);
        assertEquals(o, Outcome.takeFrom(session));
        verify(session).removeAttribute(Outcome.SESSION_KEY);
        assertNull(Outcome.takeFrom(null));
        assertEquals("alert alert-danger", o.getAlertClass());
        assertEquals("alert alert-success", Outcome.ok("done").getAlertClass());
    }

    @Test
    public void origin_isOneOfThreeFixedPages() {
        assertEquals(Origin.BUILD, Origin.parse("build"));
        assertEquals(Origin.ENVIRONMENTS, Origin.parse(" Environments "));
        assertNull(Origin.parse("//evil.example/"));
        assertNull(Origin.parse(null));
        assertEquals("/jenkins/job/f/job/app/7/", Origin.BUILD.path("/jenkins", "job/f/job/app/7/", "job/f/job/app/"));
        assertEquals("/job/app/7/ecr-promotion/", Origin.ACTION.path("", "job/app/7/", "job/app/"));
        assertEquals("/job/app/ecr-environments/", Origin.ENVIRONMENTS.path(null, "job/app/7/", "job/app/"));
    }

    @Test
    public void digests_areShortenedToTwelveHexDigits() {
        String d = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        assertEquals("sha256:0123456789ab", Digests.shortForm(d));
        assertEquals("sha256:abc", Digests.shortForm("sha256:abc"));
        assertNull(Digests.shortForm(null));
    }
}
