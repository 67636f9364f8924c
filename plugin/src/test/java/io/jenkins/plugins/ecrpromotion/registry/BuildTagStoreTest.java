package io.jenkins.plugins.ecrpromotion.registry;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.BuildTagDigests;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The controller's build tag store lives under JENKINS_HOME and outlives a restart. */
public class BuildTagStoreTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static final Repository APP = Repository.of("registry.example.com/team/app");
    private static final Tag B10 = Tag.of("2016.08.24T17.13.38Z.5ad95f2-ecs-demo-10");
    private static final Digest D1 = Digest.sha256("one".getBytes(StandardCharsets.UTF_8));

    @Test
    public void answersGoUnderJenkinsHome_andAStoreMadeAfterARestartReadsThem() throws Exception {
        File home = tmp.newFolder("jenkins-home");
        BuildTagStore.under(home).update(APP, Map.of(B10, D1), Set.of());

        Path dir = home.toPath().resolve("ecr-promotion").resolve("build-tags");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
        BuildTagDigests afterRestart = BuildTagStore.under(home);
        assertEquals(Map.of(B10, D1), afterRestart.load(APP));
        assertTrue(afterRestart.toString(), afterRestart.toString().contains("in memory over"));
    }
}
