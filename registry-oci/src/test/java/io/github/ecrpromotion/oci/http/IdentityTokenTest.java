package io.github.ecrpromotion.oci.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.oci.http.ScriptedServer.Reply;
import io.github.ecrpromotion.oci.http.ScriptedServer.Request;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Identity tokens (docker's {@code identitytoken}, a credential helper's {@code <token>} user) are OAuth2 refresh
 * tokens: POSTed to the token realm with {@code grant_type=refresh_token}, as docker and crane do. A scripted registry
 * and token server, because docker-registry 2.8 has no token server of its own.
 */
public class IdentityTokenTest {
    private static final RawManifest M = SyntheticImage.dockerV2("identity token").manifest();
    private static final String REFRESH = "idt-Refresh-Secret-1";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private ScriptedServer tokens;
    private ScriptedServer registry;

    @After
    public void close() {
        if (tokens != null) {
            tokens.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    private void start() throws Exception {
        tokens = new ScriptedServer(req -> {
            String body = new String(req.body(), StandardCharsets.UTF_8);
            if (req.method().equals("POST") && body.contains("grant_type=refresh_token")
                    && body.contains("refresh_token=" + REFRESH)) {
                return Reply.json(200, "{\"access_token\":\"access-1\",\"expires_in\":60}");
            }
            return Reply.json(401, "{}");
        });
        String realm = "http://" + tokens.hostPort() + "/token";
        registry = new ScriptedServer(req -> {
            if (!"Bearer access-1".equals(req.header("Authorization"))) {
                return Reply.json(401, "{}", "WWW-Authenticate", "Bearer realm=\"" + realm
                        + "\",service=\"svc\",scope=\"repository:demo/app:pull\"");
            }
            return new Reply(200, Map.of("Content-Type", M.mediaType(), "Docker-Content-Digest",
                    M.digest().toString()), M.bytes());
        });
    }

    private OciRegistry open(RegistryOptions.Builder options) {
        return new OciRegistry(Repository.of(registry.hostPort() + "/demo/app"), options.build());
    }

    private void assertOneRefreshTokenPost() {
        List<Request> seen = tokens.requests();
        assertEquals(1, seen.size());
        Request r = seen.get(0);
        assertEquals("POST", r.method());
        assertNull("no Basic header with an identity token", r.header("Authorization"));
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertTrue(body, body.contains("service=svc"));
        assertTrue(body, body.contains("scope=repository%3Ademo%2Fapp%3Apull"));
        assertTrue(body, body.contains("client_id="));
    }

    @Test
    public void authsIdentityToken_isPostedAsARefreshToken_andItsAccessTokenIsUsed() throws Exception {
        start();
        Path config = tmp.newFile("config.json").toPath();
        Files.writeString(config, "{\"auths\":{\"" + registry.hostPort() + "\":{\"auth\":\"\",\"identitytoken\":\""
                + REFRESH + "\"}}}");
        OciRegistry r = open(RegistryOptions.builder().dockerConfig(config.toString()).timeout(Duration.ofSeconds(10)));
        assertEquals(M.digest(), r.resolve(ImageRef.of(Tag.of("build-1"))).orElseThrow());
        assertOneRefreshTokenPost();
    }

    @Test
    public void helperTokenUser_isPostedAsARefreshToken() throws Exception {
        start();
        Path bin = tmp.newFolder("bin").toPath();
        Path helper = bin.resolve("docker-credential-test");
        Files.writeString(helper, "#!/bin/sh\ncat >/dev/null\nprintf '%s' '{\"ServerURL\":\"x\",\"Username\":\"<token>\","
                + "\"Secret\":\"" + REFRESH + "\"}'\n");
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwx------"));
        Path config = tmp.newFile("config.json").toPath();
        Files.writeString(config, "{\"credsStore\":\"test\"}");
        OciRegistry r = open(RegistryOptions.builder().dockerConfig(config.toString()).credentialHelperPath(List.of(bin))
                .timeout(Duration.ofSeconds(10)));
        assertEquals(M.digest(), r.resolve(ImageRef.of(Tag.of("build-1"))).orElseThrow());
        assertOneRefreshTokenPost();
    }
}
