package io.jenkins.plugins.ecrpromotion.credentials;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * The plugin never reads the controller's process environment: a step's AWS settings come from the step's own
 * EnvVars (withAWS, withCredentials), and the controller's identity only through the SDK, when an administrator
 * allows it.
 */
public class NoProcessEnvironmentTest {
    @Test
    public void pluginSources_neverCallSystemGetenv() throws IOException {
        Path main = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(main)) {
            List<Path> offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return Files.readString(p).contains("System.getenv");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertEquals(List.of(), offenders);
        }
    }
}
