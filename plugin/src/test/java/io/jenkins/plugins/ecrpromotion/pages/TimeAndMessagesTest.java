package io.jenkins.plugins.ecrpromotion.pages;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.ecrpromotion.HistoryEntry;
import io.jenkins.plugins.ecrpromotion.Messages;
import io.jenkins.plugins.ecrpromotion.TimeText;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.Test;

/** One time format everywhere, and a Messages class that matches Messages.properties key for key. */
public class TimeAndMessagesTest {
    @Test
    public void times_haveOneFormat_toTheSecond_whateverTheMilliseconds() {
        assertEquals("2025-11-24T16:00:00Z", TimeText.iso(1_764_000_000_000L));
        assertEquals("2025-11-24T16:00:00Z", TimeText.iso(1_764_000_000_999L));
        assertEquals("2025-11-24 16:00:00 UTC", TimeText.utc(1_764_000_000_500L));
        HistoryEntry h = new HistoryEntry("a", 1_764_000_000_000L, "r", "e", null, null, null, null, "promoted");
        assertEquals(h.getTimeIso().length(), new HistoryEntry("a", 1_764_000_000_120L, "r", "e", null, null, null, null,
                "promoted").getTimeIso().length());
        assertEquals("2025-11-24 16:00:00 UTC", h.getTimeUtc());
    }

    @Test
    public void messages_everyKeyHasAMethodWithItsArgumentCount_andNoMethodLacksAKey() throws Exception {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("Messages.properties")) {
            p.load(in);
        }
        Set<String> methods = new TreeSet<>();
        for (Method m : Messages.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !m.getName().startsWith("_")) {
                methods.add(m.getName());
                String key = m.getName().replace('_', '.');
                String text = p.getProperty(key);
                assertTrue("no key " + key, text != null);
                int args = new MessageFormat(text).getFormatsByArgumentIndex().length;
                assertEquals(key, args, m.getParameterCount());
            }
        }
        Set<String> keys = new TreeSet<>();
        for (String k : p.stringPropertyNames()) {
            keys.add(k.replace('.', '_'));
        }
        assertEquals(keys, methods);
        assertEquals("Promote to production", Messages.Button_Promote("production"));
        // MessageFormat drops a lone apostrophe: quoted IDs and "controller's" must survive it.
        assertTrue(Messages.Resolver_NoSuchCredentials("ecr", "r", "x").startsWith("Tried to use the credentials 'ecr' for r"));
        assertTrue(Messages.Resolver_HalfKeys("r").contains("the step's environment"));
        assertTrue(Messages.Step_BuildTag_NoCommit("app #1", "ecrBuildTag")
                .endsWith("withEnv([\"GIT_COMMIT=${checkout(scm).GIT_COMMIT}\"]) { ... }."));
        for (String key : p.stringPropertyNames()) {
            String text = p.getProperty(key);
            assertTrue(key + " has a lone apostrophe, which MessageFormat would drop",
                    !text.replace("''", "").replace("'{'", "").replace("'}'", "").contains("'"));
        }
        assertEquals("Environments.NoSuchBuild", "Build #1234 of this job recorded no image; reload the Environments page.",
                Messages.Environments_NoSuchBuild("1234"));
    }
}
