package io.jenkins.plugins.ecrpromotion.steps;

import io.github.ecrpromotion.core.PromotionException;
import io.github.ecrpromotion.core.env.Environment;
import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.env.EnvironmentState;
import io.github.ecrpromotion.core.env.PipelineState;
import io.github.ecrpromotion.core.exec.PromotionExecutor;
import io.github.ecrpromotion.core.registry.Registry;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/** What {@code ecrState} does, without Jenkins: read which build each environment holds and log it as a table. */
public final class StateStepLogic {
    private static final String NONE = "-";

    private StateStepLogic() {
    }

    /**
     * Reads the state and logs it. Returns environment -&gt; build tag in chain order; an environment whose image has
     * no build tag maps to {@code null}; an environment without a tag is absent (as in the CLI's JSON).
     */
    public static LinkedHashMap<String, String> state(Registry registry, EnvironmentChain chain, PrintStream logger)
            throws PromotionException {
        PipelineState state = new PromotionExecutor(registry, chain).state();
        logger.println("[ecrState] " + registry.repository() + " (" + chain + "):");
        for (String line : table(state)) {
            logger.println(line);
        }
        for (String warning : state.warnings()) {
            logger.println("[ecrState] warning: " + warning);
        }
        return new LinkedHashMap<>(state.asMap());
    }

    /** The table: a header, then one row an environment of the chain (including those without a tag). */
    static List<String> table(PipelineState state) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"environment", "build tag", "digest"});
        for (Environment env : state.chain().environments()) {
            Optional<EnvironmentState> s = state.get(env);
            rows.add(new String[] {env.name(),
                    s.map(e -> e.buildTag().map(Object::toString).orElse("(no build tag)")).orElse("(no tag)"),
                    s.map(e -> e.digest().shortForm()).orElse(NONE)});
        }
        int w0 = 0;
        int w1 = 0;
        for (String[] r : rows) {
            w0 = Math.max(w0, r[0].length());
            w1 = Math.max(w1, r[1].length());
        }
        List<String> out = new ArrayList<>();
        for (String[] r : rows) {
            out.add(pad(r[0], w0) + " | " + pad(r[1], w1) + " | " + r[2]);
        }
        return out;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }
}
