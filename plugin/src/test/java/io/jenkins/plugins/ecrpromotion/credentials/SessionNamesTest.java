package io.jenkins.plugins.ecrpromotion.credentials;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;

/** STS role session names: at most 64 characters of [\w+=,.@-], saying which build or user acted. */
public class SessionNamesTest {
    private static void assertValid(String name) {
        assertTrue(name, name.length() >= 2 && name.length() <= 64);
        assertTrue(name, name.matches("[A-Za-z0-9_+=,.@-]+"));
    }

    @Test
    public void forBuild_table() {
        List<String[]> table = List.of(
                new String[] {"ecs-demo", "11", "ecs-demo-11"},
                new String[] {"team/ecs-demo", "11", "team-ecs-demo-11"},
                new String[] {"org/repo/PR-42", "3", "org-repo-PR-42-3"},
                new String[] {"my job #1 (nightly)", "7", "my-job-1-nightly-7"},
                new String[] {"Équipe/déploiement", "2", "Equipe-deploiement-2"},
                new String[] {"チーム/デプロイ", "5", "build-5"},
                new String[] {"a+b=c,d.e@f_g", "1", "a+b=c,d.e@f_g-1"},
                new String[] {"--/--", "9", "build-9"},
                new String[] {null, "4", "build-4"});
        for (String[] row : table) {
            String name = SessionNames.forBuild(row[0], Integer.parseInt(row[1]));
            assertEquals(row[0], row[2], name);
            assertValid(name);
        }
    }

    @Test
    public void forBuild_whenTheJobNameIsLong_keepsItsEndAndTheBuildNumber() {
        String job = "folder-" + "x".repeat(80) + "/the-service/main";
        String name = SessionNames.forBuild(job, 123456);
        assertValid(name);
        assertEquals(64, name.length());
        assertTrue(name, name.endsWith("-the-service-main-123456"));
    }

    @Test
    public void forUser_table() {
        assertEquals("user-alice", SessionNames.forUser("alice"));
        assertEquals("user-alice@example.com", SessionNames.forUser("alice@example.com"));
        assertEquals("user-DOMAIN-bob", SessionNames.forUser("DOMAIN\\bob"));
        assertEquals("user-Jose-Garcia", SessionNames.forUser("José García"));
        assertEquals("user-anonymous", SessionNames.forUser("anonymous"));
        assertEquals("user-unknown", SessionNames.forUser(null));
        String longName = SessionNames.forUser("u".repeat(100));
        assertValid(longName);
        assertEquals(64, longName.length());
        for (String id : List.of("alice", "a b", "😀", "x".repeat(70), "ü")) {
            assertValid(SessionNames.forUser(id));
        }
    }
}
