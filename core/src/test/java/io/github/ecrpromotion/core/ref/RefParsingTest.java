package io.github.ecrpromotion.core.ref;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.InvalidInputException;
import java.nio.charset.StandardCharsets;
import org.junit.Test;

public class RefParsingTest {

    @Test
    public void repository_goodInputTable() throws Exception {
        Object[][] table = {
            {"123456789012.dkr.ecr.us-east-1.amazonaws.com/oe/ecs-demo", Repository.Kind.ECR, "oe/ecs-demo"},
            {"210987654321.dkr.ecr.eu-central-1.amazonaws.com/app", Repository.Kind.ECR, "app"},
            {"registry.example.com/team/app", Repository.Kind.REGISTRY, "team/app"},
            {"127.0.0.1:5000/demo/app", Repository.Kind.REGISTRY, "demo/app"},
            {"localhost:5000/demo", Repository.Kind.REGISTRY, "demo"},
            {"localhost/demo", Repository.Kind.REGISTRY, "demo"},
            {"registry:5000/a_b/c-d.e", Repository.Kind.REGISTRY, "a_b/c-d.e"},
        };
        for (Object[] row : table) {
            Repository r = Repository.parse((String) row[0]);
            assertEquals(row[1], r.kind());
            assertEquals(row[2], r.name());
            assertEquals(row[0], r.toString());
            assertEquals(r, Repository.parse(r.toString()));
        }
        Repository ecr = Repository.parse("123456789012.dkr.ecr.us-east-1.amazonaws.com/oe/ecs-demo");
        assertEquals("123456789012", ecr.ecrAccount().orElseThrow());
        assertEquals("us-east-1", ecr.ecrRegion().orElseThrow());
        assertTrue(Repository.parse("127.0.0.1:5000/x").isLoopback());
        assertFalse(Repository.parse("registry.example.com/x").isLoopback());
    }

    @Test
    public void repository_layout() throws Exception {
        Repository r = Repository.parse("oci:/tmp/layout");
        assertEquals(Repository.Kind.LAYOUT, r.kind());
        assertEquals("/tmp/layout", r.layoutPath().orElseThrow().toString());
        assertEquals("oci:/tmp/layout", r.toString());
    }

    @Test
    public void repository_badInputTable_namesWhatIsValid() {
        String[][] table = {
            {"", "empty"},
            {"ecs-demo", "host[:port]/name"},
            {"https://registry.example.com/app", "without a scheme"},
            {"registry.example.com/App", "lower-case"},
            {"registry.example.com/app:latest", "leave out ':tag'"},
            {"registry.example.com/app@sha256:abc", "leave out"},
            {"registry.example.com/", "host[:port]/name"},
            {"oci:", "path"},
            {"bad_host!/app", "not a registry host"},
            {"127.0.0.1:99999/app", "port 99999 is out of range; a port is 1 to 65535"},
            {"localhost:0/app", "port 0 is out of range"},
            {"a".repeat(300) + ".example.com/app", "label of 300 characters"},
            {("a".repeat(60) + ".").repeat(5) + "com/app", "at most 253"},
        };
        for (String[] row : table) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> Repository.parse(row[0]));
            assertTrue(e.getMessage(), e.getMessage().contains(row[1]));
            assertTrue(e.getMessage(), e.getMessage().startsWith("Tried to read the repository"));
        }
    }

    @Test
    public void tag_table() throws Exception {
        for (String good : new String[] {"testing", "v1.0", "_x", "A-b_c.d", "a".repeat(128)}) {
            assertEquals(good, Tag.parse(good).toString());
        }
        for (String bad : new String[] {"", ".x", "-x", "a/b", "a:b", "a".repeat(129), "ünicode"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> Tag.parse(bad));
            assertTrue(e.getMessage().contains("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}"));
        }
    }

    @Test
    public void digest_table() throws Exception {
        String hex = "a".repeat(64);
        assertEquals("sha256:" + hex, Digest.parse("sha256:" + hex).toString());
        for (String bad : new String[] {"sha256:" + "A".repeat(64), "sha256:abc", "md5:" + hex, hex, "sha256:" + "g".repeat(64)}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> Digest.parse(bad));
            assertTrue(e.getMessage().contains("64 lower-case hex"));
        }
        assertEquals("sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
                Digest.sha256("hello".getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Test
    public void imageRef_digestOrTag() throws Exception {
        assertTrue(ImageRef.parse("sha256:" + "b".repeat(64)).isDigest());
        assertFalse(ImageRef.parse("testing").isDigest());
        assertThrows(InvalidInputException.class, () -> ImageRef.parse("sha256:short"));
    }
}
