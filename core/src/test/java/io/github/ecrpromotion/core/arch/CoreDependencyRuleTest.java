package io.github.ecrpromotion.core.arch;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * Keeps the arrows pointing one way: the core knows nothing of Jenkins, AWS, HTTP, JSON libraries or our backends.
 * Reads the compiled classes' constant pools, where every referenced class name appears in internal form.
 */
public class CoreDependencyRuleTest {
    private static final List<String> FORBIDDEN = List.of(
            "software/amazon/", "java/net/http/", "hudson/", "jenkins/", "org/kohsuke/", "picocli/",
            "com/fasterxml/", "com/google/gson/", "io/github/ecrpromotion/oci/", "io/github/ecrpromotion/ecr/",
            "io/github/ecrpromotion/cli/", "io/github/ecrpromotion/testkit/", "io/jenkins/");

    @Test
    public void coreClasses_referenceOnlyTheJdkAndTheCore() throws IOException {
        Path classes = Path.of("target/classes");
        assertTrue("compiled classes expected at " + classes.toAbsolutePath(), Files.isDirectory(classes));
        List<String> violations = new ArrayList<>();
        int count = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                count++;
                String pool = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String bad : FORBIDDEN) {
                    if (pool.contains(bad)) {
                        violations.add(classes.relativize(f) + " references " + bad);
                    }
                }
            }
        }
        assertTrue("no classes found", count > 20);
        assertTrue(String.join("\n", violations), violations.isEmpty());
    }
}
