package io.github.ecrpromotion.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.Test;

/**
 * {@code main} builds the full model of the verb being run only, and lists the others by name and description:
 * whatever the arguments, what a user sees is what the full model gives.
 */
public class OneVerbModelTest {
    private static String run(String firstArgument, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = PromoteCommand.commandLine(new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
                new PrintWriter(err, true), firstArgument).execute(args);
        return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }

    @Test
    public void everyRunPrintsWhatTheFullModelPrints() {
        List<List<String>> runs = List.of(List.of(), List.of("--help"), List.of("-h"), List.of("--version"),
                List.of("help"), List.of("help", "to"), List.of("tags", "--help"), List.of("to", "--help"),
                List.of("state"), List.of("to", "production", "oci:/nonexistent/x", "--no-such-option"),
                List.of("build-tag", "--git-sha", "5ad95f2", "--job", "ecs-demo", "--build", "11",
                        "--time", "2016-08-24T17:13:38Z"),
                List.of("completion", "bash"), List.of("promot"), List.of("stat", "x"), List.of("--nope"));
        for (List<String> args : runs) {
            String[] a = args.toArray(new String[0]);
            String firstArgument = a.length == 0 ? "" : a[0];
            assertEquals(args.toString(), run(null, a), run(firstArgument, a));
        }
    }

    @Test
    public void aVerbListedByDescriptionOnlyIsNotRunnable() {
        // The model of a run of `state` lists `to` without its options: the two differ, so the test above compares
        // two different builds of the command line, not one with itself.
        assertNotEquals(run(null, "to", "--help"), run("state", "to", "--help"));
    }
}
