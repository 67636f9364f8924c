package io.github.ecrpromotion.oci.http;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.core.registry.Registries;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.testkit.DockerRegistryServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Basic auth against a real docker-registry with a bcrypt htpasswd file: explicit and docker-config credentials. */
public class DockerRegistryAuthTest {
    private static final String USER = "ci";
    private static final String PASSWORD = "s3cret-Pa55word";
    private static final SyntheticImage IMAGE = SyntheticImage.dockerV2("auth");
    private static DockerRegistryServer server;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @BeforeClass
    public static void startRegistry() throws Exception {
        server = DockerRegistryServer.startWithHtpasswd(USER, PASSWORD);
        server.seedClient().push("auth/app", IMAGE, "build-1");
    }

    @AfterClass
    public static void stopRegistry() {
        if (server != null) {
            server.close();
        }
    }

    private Registry open(RegistryOptions.Builder options) throws Exception {
        return Registries.open(Repository.parse(server.repository("auth/app")), options.build());
    }

    private RegistryOptions.Builder noDockerConfig() {
        return RegistryOptions.builder().dockerConfig(tmp.getRoot().toPath().resolve("absent.json").toString());
    }

    @Test
    public void basicAuth_withRightCredentials_readsAndRetags() throws Exception {
        try (Registry r = open(noDockerConfig().basicAuth(USER, PASSWORD))) {
            assertTrue(r instanceof OciRegistry);
            RawManifest m = r.getManifest(ImageRef.of(Tag.of("build-1"))).orElseThrow();
            assertArrayEquals(IMAGE.manifest().bytes(), m.bytes());
            assertTrue(r.putManifest(Tag.of("testing"), m).changed());
            assertEquals(IMAGE.manifest().digest(), r.resolve(ImageRef.of(Tag.of("testing"))).orElseThrow());
            assertTrue(r.listTags().contains(Tag.of("testing")));
        }
    }

    @Test
    public void state_asksItsFirstHeadAlone_soOnlyOneRequestMeetsThe401() throws Exception {
        try (io.github.ecrpromotion.testkit.RegistryFront front = io.github.ecrpromotion.testkit.RegistryFront.start(server.uri());
             Registry r = Registries.open(Repository.parse(front.repository("auth/app")),
                     noDockerConfig().basicAuth(USER, PASSWORD).build())) {
            new io.github.ecrpromotion.core.exec.PromotionExecutor(r,
                    io.github.ecrpromotion.core.env.EnvironmentChain.DEFAULT).state();
            long unauthenticated = front.requests().stream().filter(q -> q.header("Authorization") == null).count();
            // The three environment HEADs would go out together; the first goes alone, meets the 401, and the
            // others carry the credentials from the start.
            assertEquals(front.requests().toString(), 1, unauthenticated);
        }
    }

    @Test
    public void basicAuth_withWrongPassword_isAuthErrorWithoutThePassword() throws Exception {
        String wrong = "wrong-Pa55word-xyz";
        try (Registry r = open(noDockerConfig().basicAuth(USER, wrong))) {
            RegistryException e = assertThrows(RegistryException.class, () -> r.getManifest(ImageRef.of(Tag.of("build-1"))));
            assertEquals(RegistryException.Reason.AUTH, e.reason());
            assertFalse(e.isRetryable());
            assertFalse(e.getMessage(), e.getMessage().contains(wrong));
            assertFalse(e.getMessage(), e.getMessage().contains(Base64.getEncoder().encodeToString((USER + ":" + wrong).getBytes())));
            assertTrue(e.getMessage(), e.getMessage().contains("rejected the credentials of user 'ci'"));
        }
    }

    @Test
    public void anonymous_againstHtpasswdRegistry_isAuthErrorSayingNoCredentials() throws Exception {
        try (Registry r = open(noDockerConfig())) {
            RegistryException e = assertThrows(RegistryException.class, r::listTags);
            assertEquals(RegistryException.Reason.AUTH, e.reason());
            assertTrue(e.getMessage(), e.getMessage().contains("none were given"));
        }
    }

    @Test
    public void dockerConfig_authField_isUsedForTheHost() throws Exception {
        Path config = tmp.newFile("config.json").toPath();
        String auth = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        Files.writeString(config, "{\"auths\":{\"other.example.com\":{\"auth\":\"eDp5\"},"
                + "\"http://" + server.hostPort() + "/v1/\":{\"auth\":\"" + auth + "\"}}}");
        try (Registry r = open(RegistryOptions.builder().dockerConfig(config.toString()))) {
            assertEquals(IMAGE.manifest().digest(), r.resolve(ImageRef.of(Tag.of("build-1"))).orElseThrow());
        }
    }

    @Test
    public void dockerConfig_usernamePasswordFields_areUsedForTheHost() throws Exception {
        Path config = tmp.newFile("config.json").toPath();
        Files.writeString(config, "{\"auths\":{\"" + server.hostPort() + "\":{\"username\":\"" + USER
                + "\",\"password\":\"" + PASSWORD + "\"}}}");
        try (Registry r = open(RegistryOptions.builder().dockerConfig(config.toString()))) {
            assertEquals(List.of(Tag.of("build-1")), r.listTags().stream().filter(t -> t.value().equals("build-1")).toList());
        }
    }

    @Test
    public void dockerConfig_withWrongPassword_isAuthErrorNamingTheFileNotThePassword() throws Exception {
        Path config = tmp.newFile("config.json").toPath();
        String wrong = "not-the-Pa55word";
        String auth = Base64.getEncoder().encodeToString((USER + ":" + wrong).getBytes(StandardCharsets.UTF_8));
        Files.writeString(config, "{\"auths\":{\"" + server.hostPort() + "\":{\"auth\":\"" + auth + "\"}}}");
        try (Registry r = open(RegistryOptions.builder().dockerConfig(config.toString()))) {
            RegistryException e = assertThrows(RegistryException.class, () -> r.resolve(ImageRef.of(Tag.of("build-1"))));
            assertEquals(RegistryException.Reason.AUTH, e.reason());
            assertTrue(e.getMessage(), e.getMessage().contains(config.toString()));
            assertFalse(e.getMessage(), e.getMessage().contains(wrong));
            assertFalse(e.getMessage(), e.getMessage().contains(auth));
        }
    }

    @Test
    public void dockerConfig_whenAmbientCredentialsNotAllowed_isNeverRead() throws Exception {
        Path config = tmp.newFile("config.json").toPath();
        String auth = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        Files.writeString(config, "{\"auths\":{\"" + server.hostPort() + "\":{\"auth\":\"" + auth + "\"}}}");
        try (Registry r = open(RegistryOptions.builder().dockerConfig(config.toString()).ambientCredentialsAllowed(false))) {
            RegistryException e = assertThrows(RegistryException.class, () -> r.resolve(ImageRef.of(Tag.of("build-1"))));
            assertEquals(RegistryException.Reason.AUTH, e.reason());
            assertTrue(e.getMessage(), e.getMessage().contains("not allowed"));
            assertFalse(e.getMessage(), e.getMessage().contains(config.toString()));
        }
    }

    @Test
    public void basicAuth_whenAmbientCredentialsNotAllowed_stillWorks() throws Exception {
        try (Registry r = open(noDockerConfig().basicAuth(USER, PASSWORD).ambientCredentialsAllowed(false))) {
            assertEquals(IMAGE.manifest().digest(), r.resolve(ImageRef.of(Tag.of("build-1"))).orElseThrow());
        }
    }
}
