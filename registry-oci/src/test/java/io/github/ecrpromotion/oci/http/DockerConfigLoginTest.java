package io.github.ecrpromotion.oci.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.Registries;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.testkit.DockerRegistryServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Logging in as docker does, against a real docker-registry with htpasswd: the {@code auths} key order, and
 * {@code credHelpers}/{@code credsStore} through fake {@code docker-credential-*} scripts in a temp directory (given
 * through {@link RegistryOptions#credentialHelperPath()}, so the tests do not depend on this machine's PATH).
 */
public class DockerConfigLoginTest {
    private static final String USER = "ci";
    private static final String PASSWORD = "helper-Pa55word";
    private static final SyntheticImage IMAGE = SyntheticImage.dockerV2("login");
    private static DockerRegistryServer server;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path helpers;
    private Path config;

    @BeforeClass
    public static void startRegistry() throws Exception {
        server = DockerRegistryServer.startWithHtpasswd(USER, PASSWORD);
        server.seedClient().push("login/app", IMAGE, "build-1");
    }

    @AfterClass
    public static void stopRegistry() {
        if (server != null) {
            server.close();
        }
    }

    @Before
    public void setUp() throws Exception {
        helpers = tmp.newFolder("bin").toPath();
        config = tmp.getRoot().toPath().resolve("config.json");
    }

    private RegistryOptions.Builder options() {
        return RegistryOptions.builder().dockerConfig(config.toString()).credentialHelperPath(List.of(helpers))
                .timeout(Duration.ofSeconds(10));
    }

    private Registry open(RegistryOptions.Builder options) throws Exception {
        return Registries.open(Repository.parse(server.repository("login/app")), options.build());
    }

    private ImageRef build1() {
        return ImageRef.of(Tag.of("build-1"));
    }

    /** A fake helper: records its argument and standard input next to it, then runs {@code body}. */
    private Path helper(String name, String body) throws Exception {
        Path script = helpers.resolve("docker-credential-" + name);
        Path seen = helpers.resolve(name + ".seen");
        Files.writeString(script, "#!/bin/sh\n"
                + "echo \"$1\" > '" + seen + ".args'\n"
                + "cat > '" + seen + "'\n"
                + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return seen;
    }

    private Path answering(String name, String user, String secret) throws Exception {
        return helper(name, "printf '%s' '{\"ServerURL\":\"x\",\"Username\":\"" + user + "\",\"Secret\":\"" + secret
                + "\"}'");
    }

    private static String auth(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    public void auths_exactHostKey_winsOverLegacyKeysWithOtherCredentials() throws Exception {
        String host = server.hostPort();
        Files.writeString(config, "{\"auths\":{"
                + "\"https://" + host + "/v1/\":{\"auth\":\"" + auth(USER, "legacy-wrong") + "\"},"
                + "\"http://" + host + "\":{\"auth\":\"" + auth(USER, "http-wrong") + "\"},"
                + "\"" + host + "\":{\"auth\":\"" + auth(USER, PASSWORD) + "\"}}}");
        try (Registry r = open(options())) {
            assertEquals(IMAGE.manifest().digest(), r.resolve(build1()).orElseThrow());
        }
    }

    @Test
    public void auths_legacyV1Key_winsOverOtherLegacyForms() throws Exception {
        String host = server.hostPort();
        Files.writeString(config, "{\"auths\":{"
                + "\"https://" + host + "\":{\"auth\":\"" + auth(USER, "https-wrong") + "\"},"
                + "\"http://" + host + "\":{\"auth\":\"" + auth(USER, "http-wrong") + "\"},"
                + "\"https://" + host + "/v1/\":{\"auth\":\"" + auth(USER, PASSWORD) + "\"}}}");
        try (Registry r = open(options())) {
            assertEquals(IMAGE.manifest().digest(), r.resolve(build1()).orElseThrow());
        }
    }

    @Test
    public void credsStore_fakeHelperGivesThePassword_registryAcceptsIt_andTheHelperWasAskedForTheHost()
            throws Exception {
        Path seen = answering("test", USER, PASSWORD);
        Files.writeString(config, "{\"auths\":{\"" + server.hostPort() + "\":{}},\"credsStore\":\"test\"}");
        try (Registry r = open(options())) {
            assertEquals(IMAGE.manifest().digest(), r.resolve(build1()).orElseThrow());
        }
        assertEquals(server.hostPort(), Files.readString(seen));
        assertEquals("get\n", Files.readString(Path.of(seen + ".args")));
    }

    @Test
    public void credHelpers_forTheHost_winOverCredsStoreAndAuths() throws Exception {
        answering("test", USER, PASSWORD);
        Path storeSeen = answering("store", USER, "store-wrong");
        Files.writeString(config, "{\"auths\":{\"" + server.hostPort() + "\":{\"auth\":\"" + auth(USER, "auths-wrong")
                + "\"}},\"credsStore\":\"store\",\"credHelpers\":{\"" + server.hostPort() + "\":\"test\"}}");
        try (Registry r = open(options())) {
            assertEquals(IMAGE.manifest().digest(), r.resolve(build1()).orElseThrow());
        }
        assertFalse("the store was not asked", Files.exists(storeSeen));
    }

    @Test
    public void credHelpers_ecrLogin_isJustAnotherHelperName() throws Exception {
        Path seen = answering("ecr-login", USER, PASSWORD);
        Files.writeString(config, "{\"credHelpers\":{\"" + server.hostPort() + "\":\"ecr-login\"}}");
        try (Registry r = open(options())) {
            assertEquals(IMAGE.manifest().digest(), r.resolve(build1()).orElseThrow());
        }
        assertTrue(Files.exists(seen));
    }

    @Test
    public void credsStore_helperWithoutAnEntry_isAnonymousAsInDocker_andTheMessageNamesTheHelper() throws Exception {
        helper("test", "echo 'credentials not found in native keychain'; exit 1");
        Files.writeString(config, "{\"auths\":{\"" + server.hostPort() + "\":{}},\"credsStore\":\"test\"}");
        try (Registry r = open(options())) {
            RegistryException e = assertThrows(RegistryException.class, () -> r.resolve(build1()));
            assertEquals(RegistryException.Reason.AUTH, e.reason());
            assertTrue(e.getMessage(), e.getMessage().contains("docker-credential-test"));
            assertTrue(e.getMessage(), e.getMessage().contains("has no credentials for " + server.hostPort()));
        }
    }

    @Test
    public void credsStore_helperNotInstalled_isOneSentenceNamingIt() throws Exception {
        Files.writeString(config, "{\"credsStore\":\"absent\"}");
        try (Registry r = open(options())) {
            RegistryException e = assertThrows(RegistryException.class, () -> r.resolve(build1()));
            assertEquals(RegistryException.Reason.AUTH, e.reason());
            assertTrue(e.getMessage(), e.getMessage().contains("docker-credential-absent was not found in"));
            assertEquals(java.util.Optional.of(RegistryException.Remedy.CREDENTIAL_HELPER), e.remedy());
            assertFalse(e.getMessage(), e.getMessage().contains("\n"));
        }
    }

    @Test
    public void credsStore_helperNotOnTheProcessPath_saysNotFoundOnThePath() throws Exception {
        Files.writeString(config, "{\"credsStore\":\"surely-not-installed-xyz\"}");
        try (Registry r = open(options().credentialHelperPath(List.of()))) {
            RegistryException e = assertThrows(RegistryException.class, () -> r.resolve(build1()));
            assertTrue(e.getMessage(), e.getMessage().contains(
                    "docker-credential-surely-not-installed-xyz was not found on the PATH"));
            assertEquals(java.util.Optional.of(RegistryException.Remedy.CREDENTIAL_HELPER), e.remedy());
        }
    }

    @Test
    public void credsStore_helperFailing_givesItsExitCodeWithoutItsOutput() throws Exception {
        helper("test", "echo 'error: token leaked-Secret-123 expired'; exit 7");
        Files.writeString(config, "{\"credsStore\":\"test\"}");
        try (Registry r = open(options())) {
            RegistryException e = assertThrows(RegistryException.class, () -> r.resolve(build1()));
            assertTrue(e.getMessage(), e.getMessage().contains("docker-credential-test exited with code 7"));
            assertEquals(java.util.Optional.of(RegistryException.Remedy.CREDENTIAL_HELPER), e.remedy());
            assertFalse(e.getMessage(), e.getMessage().contains("leaked-Secret-123"));
        }
    }

    @Test
    public void credsStore_helperPrintingASecretThatIsNotAString_isAnErrorNamingTheField_notAnonymous() throws Exception {
        helper("test", "echo '{\"Username\":\"ci\",\"Secret\":{\"value\":\"nested-Secret-456\"}}'");
        Files.writeString(config, "{\"credsStore\":\"test\"}");
        try (Registry r = open(options())) {
            RegistryException e = assertThrows(RegistryException.class, () -> r.resolve(build1()));
            assertTrue(e.getMessage(), e.getMessage().contains("docker-credential-test printed a Secret that is not a JSON string"));
            assertFalse(e.getMessage(), e.getMessage().contains("nested-Secret-456"));
        }
    }

    @Test
    public void credsStore_helperThatHangs_isKilledAtTheTimeout() throws Exception {
        helper("test", "sleep 30");
        Files.writeString(config, "{\"credsStore\":\"test\"}");
        long start = System.nanoTime();
        try (Registry r = open(options().timeout(Duration.ofSeconds(1)))) {
            RegistryException e = assertThrows(RegistryException.class, () -> r.resolve(build1()));
            assertTrue(e.getMessage(), e.getMessage().contains("docker-credential-test did not answer within"));
            assertEquals(java.util.Optional.of(RegistryException.Remedy.CREDENTIAL_HELPER), e.remedy());
        }
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(15)) < 0);
    }

    @Test
    public void credsStore_helperNameWithAPath_isRefused() throws Exception {
        Files.writeString(config, "{\"credsStore\":\"../../bin/sh\"}");
        try (Registry r = open(options())) {
            RegistryException e = assertThrows(RegistryException.class, () -> r.resolve(build1()));
            assertTrue(e.getMessage(), e.getMessage().contains("is not a credential helper name"));
        }
    }

    @Test
    public void ambientCredentialsOff_runsNoHelper_andReadsNoConfigFile() throws Exception {
        Path seen = answering("test", USER, PASSWORD);
        // Not JSON: reading it would fail with "not a readable JSON file".
        Files.writeString(config, "{\"credsStore\":\"test\", this is not json");
        try (Registry r = open(options().ambientCredentialsAllowed(false))) {
            RegistryException e = assertThrows(RegistryException.class, () -> r.resolve(build1()));
            assertEquals(RegistryException.Reason.AUTH, e.reason());
            assertTrue(e.getMessage(), e.getMessage().contains("not allowed"));
        }
        Files.writeString(config, "{\"credsStore\":\"test\"}");
        try (Registry r = open(options().ambientCredentialsAllowed(false))) {
            assertThrows(RegistryException.class, () -> r.resolve(build1()));
        }
        assertFalse("the helper never ran", Files.exists(seen));
    }

    @Test
    public void helperIdentityToken_againstABasicRegistry_saysOnlyATokenServerTakesIt() throws Exception {
        answering("test", "<token>", "identity-Token-abc");
        Files.writeString(config, "{\"credsStore\":\"test\"}");
        try (Registry r = open(options())) {
            RegistryException e = assertThrows(RegistryException.class, () -> r.resolve(build1()));
            assertTrue(e.getMessage(), e.getMessage().contains("identity token"));
            assertFalse(e.getMessage(), e.getMessage().contains("identity-Token-abc"));
        }
    }

    @Test
    public void dockerHub_serverUrl_isTheIndexUrl() {
        assertEquals("https://index.docker.io/v1/", DockerConfig.serverKey("docker.io"));
        assertEquals("https://index.docker.io/v1/", DockerConfig.serverKey("index.docker.io"));
        assertEquals("registry.example.com:5000", DockerConfig.serverKey("Registry.Example.com:5000"));
    }
}
