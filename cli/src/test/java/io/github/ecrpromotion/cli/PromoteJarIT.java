package io.github.ecrpromotion.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The shaded jar the launcher runs, {@code target/promote.jar}, as a separate process: it starts from its manifest,
 * finds all three backends through the merged service file, and keeps stderr to one sentence (no SLF4J noise from
 * the AWS SDK).
 */
public class PromoteJarIT {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static final Path JAR = Path.of(System.getProperty("basedir", "."), "target", "promote.jar");

    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Result java(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        Path out = tmp.newFile().toPath();
        Path err = tmp.newFile().toPath();
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("promote.jar did not finish: " + cmd);
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    public void jar_mergesTheServiceFilesOfAllThreeBackends() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            String services = new String(jar.getInputStream(jar.getEntry(
                    "META-INF/services/io.github.ecrpromotion.core.registry.RegistryProvider")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(services, services.contains("io.github.ecrpromotion.oci.layout.LayoutRegistryProvider"));
            assertTrue(services, services.contains("io.github.ecrpromotion.oci.http.OciRegistryProvider"));
            assertTrue(services, services.contains("io.github.ecrpromotion.ecr.EcrRegistryProvider"));
            assertEquals("io.github.ecrpromotion.cli.PromoteCommand", jar.getManifest().getMainAttributes().getValue("Main-Class"));
            assertTrue("no signature files", jar.stream().noneMatch(e -> e.getName().matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)")));
        }
    }

    @Test
    public void jar_demo_endsWithTheDesignsFinalJson() throws Exception {
        Path dir = tmp.getRoot().toPath().resolve("demo");
        Result demo = java(Map.of(), "demo", dir.toString());
        assertEquals(demo.toString(), 0, demo.exit());
        assertEquals(demo.toString(), "", demo.err());
        assertTrue(demo.out(), demo.out().endsWith("\n" + DemoCommandTest.FINAL));
        Result state = java(Map.of(), "state", "oci:" + dir);
        assertEquals(DemoCommandTest.FINAL, state.out());
        Result version = java(Map.of(), "--version");
        assertTrue(version.out(), version.out().matches("promote \\d+\\.\\d+\\.\\d+.*\n"));
    }

    @Test
    public void jar_unreachableRegistries_failWithOneLineOnStderr() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Result plain = java(Map.of(), "state", "127.0.0.1:" + closed + "/x", "--timeout", "3");
        assertEquals(plain.toString(), 1, plain.exit());
        assertEquals(plain.toString(), 1, plain.err().lines().count());
        // ECR through an endpoint that refuses connections. Credentials come from the environment, and instance
        // metadata is off, so nothing but the loopback is ever contacted.
        Result ecr = java(Map.of("AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing",
                        "AWS_EC2_METADATA_DISABLED", "true"),
                "state", "123456789012.dkr.ecr.us-east-1.amazonaws.com/oe/ecs-demo",
                "--endpoint-url", "http://127.0.0.1:" + closed, "--timeout", "3");
        assertEquals(ecr.toString(), 1, ecr.exit());
        assertEquals(ecr.toString(), 1, ecr.err().lines().count());
        assertTrue(ecr.err(), ecr.err().startsWith("error: ") && ecr.err().contains("check the registry address and --timeout"));
        assertFalse(ecr.err(), ecr.err().contains("SLF4J"));
    }
}
