package io.github.ecrpromotion.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.testkit.DockerRegistryServer;
import io.github.ecrpromotion.testkit.SeedClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** {@code --cache-dir}, {@code --no-cache} and where the build tag cache lives by default. */
public class CacheOptionsTest {
    private static final String B10 = "2016.08.24T17.13.38Z.5ad95f2-ecs-demo-10";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void cacheDirectory_optionThenPromoteCacheDirThenAbsoluteXdgCacheHomeThenHome() {
        String home = System.getProperty("user.home");
        assertEquals(Path.of("/o"), RegistryOptionsMixin.cacheDirectory(Path.of("/o"),
                Map.of("PROMOTE_CACHE_DIR", "/p", "XDG_CACHE_HOME", "/x")));
        assertEquals(Path.of("/p"), RegistryOptionsMixin.cacheDirectory(null,
                Map.of("PROMOTE_CACHE_DIR", "/p", "XDG_CACHE_HOME", "/x")));
        assertEquals(Path.of("/x/ecr-promotion"), RegistryOptionsMixin.cacheDirectory(null, Map.of("XDG_CACHE_HOME", "/x")));
        // The XDG spec: a relative XDG_CACHE_HOME is invalid and ignored.
        assertEquals(Path.of(home, ".cache", "ecr-promotion"),
                RegistryOptionsMixin.cacheDirectory(null, Map.of("XDG_CACHE_HOME", "relative", "PROMOTE_CACHE_DIR", " ")));
        assertEquals(Path.of(home, ".cache", "ecr-promotion"), RegistryOptionsMixin.cacheDirectory(null, Map.of()));
    }

    @Test
    public void cacheOptions_onALayout_orTogether_areRefused() throws Exception {
        Path layout = tmp.newFolder("layout").toPath();
        Cli.Run onLayout = Cli.run("state", "oci:" + layout, "--cache-dir", tmp.getRoot().toString());
        assertEquals(onLayout.toString(), 2, onLayout.exit());
        assertTrue(onLayout.err(), onLayout.err().contains("--cache-dir"));
        Cli.Run noCache = Cli.run("state", "oci:" + layout, "--no-cache");
        assertEquals(noCache.toString(), 2, noCache.exit());
        Cli.Run both = Cli.run("state", "127.0.0.1:5/app", "--cache-dir", "/tmp/x", "--no-cache");
        assertEquals(both.toString(), 2, both.exit());
        assertTrue(both.err(), both.err().contains("--no-cache"));
    }

    @Test
    public void state_onARegistry_remembersBuildTagsInTheCacheDir_unlessNoCache() throws Exception {
        try (DockerRegistryServer server = DockerRegistryServer.start()) {
            SeedClient seed = server.seedClient();
            SyntheticImage b10 = SyntheticImage.dockerV2("build 10");
            seed.push("cli/app", b10, B10);
            seed.push("cli/app", b10, "testing");
            String repo = server.repository("cli/app");

            Path off = tmp.getRoot().toPath().resolve("off");
            Cli.Run none = Cli.run("state", repo, "--no-cache");
            assertEquals(none.toString(), 0, none.exit());
            assertFalse(Files.exists(off));

            Path dir = tmp.getRoot().toPath().resolve("cache");
            Cli.Run run = Cli.run("state", repo, "--cache-dir", dir.toString());
            assertEquals(run.toString(), 0, run.exit());
            assertEquals(none.out(), run.out());
            try (Stream<Path> files = Files.list(dir.resolve("build-tags"))) {
                Path file = files.findFirst().orElseThrow();
                String text = Files.readString(file);
                assertTrue(text, text.contains("# repository " + repo + "\n"));
                assertTrue(text, text.contains(B10 + " " + b10.manifest().digest() + "\n"));
            }
        }
    }
}
