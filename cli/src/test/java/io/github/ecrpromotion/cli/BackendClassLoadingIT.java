package io.github.ecrpromotion.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.testkit.DockerRegistryServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A run loads only the backend its repository needs: the shaded jar, in a child JVM that logs every class it loads
 * ({@code -Xlog:class+load}), touches no AWS SDK class for a plain registry or an {@code oci:} layout, no
 * {@code java.net.http} class for a registry (its requests go through {@code HttpURLConnection}), and no HTTP class at
 * all for a layout. An ECR run shows that the log would catch an SDK class if one were loaded.
 */
public class BackendClassLoadingIT {
    private static final Path JAR = Path.of(System.getProperty("basedir", "."), "target", "promote.jar");
    private static final String BUILD_11 = "2016.08.24T17.13.38Z.5ad95f2-ecs-demo-11";
    private static final String AWS_SDK = "software.amazon.awssdk.";
    private static final List<String> HTTP_CLIENT = List.of("java.net.http.", "jdk.internal.net.http.");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** The classes a run of the jar loaded, by name, after checking that it exited with {@code exit}. */
    private List<String> loadedClasses(int exit, Map<String, String> env, String... args) throws Exception {
        Path log = tmp.newFile().toPath();
        Path out = tmp.newFile().toPath();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log, "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("promote.jar did not finish: " + cmd);
        }
        assertEquals(cmd + "\n" + Files.readString(out, StandardCharsets.UTF_8), exit, p.exitValue());
        // Lines look like "[0.012s][info][class,load] java.lang.Object source: shared objects file".
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains("[class,load]"))
                .map(l -> l.substring(l.indexOf("[class,load]") + "[class,load]".length()).trim().split(" ")[0])
                .collect(Collectors.toList());
    }

    private static List<String> startingWith(List<String> classes, List<String> prefixes) {
        return classes.stream().filter(c -> prefixes.stream().anyMatch(c::startsWith)).collect(Collectors.toList());
    }

    @Test
    public void to_onARegistry_loadsNoJavaNetHttpClassAndNoAwsSdkClass() throws Exception {
        try (DockerRegistryServer server = DockerRegistryServer.start()) {
            SyntheticImage image = SyntheticImage.dockerV2("ecs-demo build 11");
            server.seedClient().push("oe/ecs-demo", image, BUILD_11);
            server.seedClient().push("oe/ecs-demo", image, "staging");
            List<String> classes = loadedClasses(0, Map.of(), "to", "production", server.repository("oe/ecs-demo"),
                    "--from", "staging");
            assertTrue("the OCI HTTP backend ran", classes.contains("io.github.ecrpromotion.oci.http.OciRegistry"));
            assertTrue("HttpURLConnection was used", classes.contains("sun.net.www.protocol.http.HttpURLConnection"));
            // The java.net.http client costs more to start than a promotion's requests (docs/performance.md).
            assertEquals(List.of(), startingWith(classes, HTTP_CLIENT));
            assertEquals(List.of(), startingWith(classes, List.of(AWS_SDK)));
        }
    }

    @Test
    public void demoAndState_onALayout_loadNoHttpClientAndNoAwsSdkClass() throws Exception {
        Path dir = tmp.getRoot().toPath().resolve("demo");
        List<String> demo = loadedClasses(0, Map.of(), "demo", dir.toString());
        List<String> state = loadedClasses(0, Map.of(), "state", "oci:" + dir);
        for (List<String> classes : List.of(demo, state)) {
            assertTrue("the layout backend ran", classes.contains("io.github.ecrpromotion.oci.layout.LayoutRegistry"));
            List<String> unwanted = new ArrayList<>(HTTP_CLIENT);
            unwanted.add(AWS_SDK);
            unwanted.add("io.github.ecrpromotion.oci.http.");
            assertEquals(List.of(), startingWith(classes, unwanted));
        }
    }

    @Test
    public void state_onEcr_loadsTheAwsSdk() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        // Credentials from the environment and instance metadata off: nothing but the loopback is contacted.
        List<String> classes = loadedClasses(1, Map.of("AWS_ACCESS_KEY_ID", "testing",
                        "AWS_SECRET_ACCESS_KEY", "testing", "AWS_EC2_METADATA_DISABLED", "true"),
                "state", "123456789012.dkr.ecr.us-east-1.amazonaws.com/oe/ecs-demo",
                "--endpoint-url", "http://127.0.0.1:" + closed, "--timeout", "3");
        assertFalse(startingWith(classes, List.of(AWS_SDK)).isEmpty());
    }
}
