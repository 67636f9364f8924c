package io.jenkins.plugins.ecrpromotion.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.testkit.InMemoryRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.Test;

public class StateStepLogicTest {
    private static final String B11 = PromoteStepLogicTest.B11;
    private static final String B12 = PromoteStepLogicTest.B12;

    private final RawManifest m11 = SyntheticImage.dockerV2("build 11").manifest();
    private final RawManifest m12 = SyntheticImage.dockerV2("build 12").manifest();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream logger = new PrintStream(log, true, StandardCharsets.UTF_8);

    @Test
    public void state_returnsEnvironmentToBuildTagInChainOrder() throws Exception {
        InMemoryRegistry registry = new InMemoryRegistry().seed(B11, m11).seed(B12, m12)
                .seed("production", m11).seed("testing", m12).seed("staging", m11);

        LinkedHashMap<String, String> state = StateStepLogic.state(registry, EnvironmentChain.DEFAULT, logger);

        assertEquals(List.of("testing", "staging", "production"), List.copyOf(state.keySet()));
        assertEquals(Arrays.asList(B12, B11, B11), List.copyOf(state.values()));
    }

    @Test
    public void state_logsATableWithShortDigests() throws Exception {
        InMemoryRegistry registry = new InMemoryRegistry().seed(B12, m12).seed("testing", m12);

        StateStepLogic.state(registry, EnvironmentChain.DEFAULT, logger);

        List<String> lines = log.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("[ecrState] registry.example.com/demo/app (testing -> staging -> production):".replace(
                "testing -> staging -> production", EnvironmentChain.DEFAULT.toString()), lines.get(0));
        assertTrue(lines.get(1), lines.get(1).matches("environment +\\| build tag +\\| digest"));
        assertEquals("testing     | " + B12 + " | " + m12.digest().shortForm(), lines.get(2));
        assertTrue(lines.get(3), lines.get(3).matches("staging +\\| \\(no tag\\) +\\| -"));
        assertTrue(lines.get(4), lines.get(4).matches("production +\\| \\(no tag\\) +\\| -"));
    }

    @Test
    public void state_whenImageHasNoBuildTag_mapsToNullAndWarns() throws Exception {
        InMemoryRegistry registry = new InMemoryRegistry().seed("testing", m12).seed("latest", m12);

        LinkedHashMap<String, String> state = StateStepLogic.state(registry, EnvironmentChain.DEFAULT, logger);

        assertTrue(state.containsKey("testing"));
        assertEquals(null, state.get("testing"));
        String out = log.toString(StandardCharsets.UTF_8);
        assertTrue(out, out.contains("(no build tag)"));
        assertTrue(out, out.contains("[ecrState] warning: testing points at image"));
    }

    @Test
    public void state_whenEnvironmentHasNoTag_leavesItOut() throws Exception {
        InMemoryRegistry registry = new InMemoryRegistry().seed(B12, m12).seed("testing", m12);

        LinkedHashMap<String, String> state = StateStepLogic.state(registry, EnvironmentChain.DEFAULT, logger);

        assertEquals(List.of("testing"), List.copyOf(state.keySet()));
    }
}
