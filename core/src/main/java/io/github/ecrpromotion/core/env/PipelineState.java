package io.github.ecrpromotion.core.env;

import io.github.ecrpromotion.core.ref.Tag;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashMap;

/**
 * The state of a repository's pipeline, derived from the registry alone: for each environment in chain order that
 * has a tag, what it holds. Environments without a tag are absent. Warnings explain ambiguous or missing build tags.
 */
public record PipelineState(EnvironmentChain chain, List<EnvironmentState> environments, List<String> warnings) {
    public PipelineState {
        environments = List.copyOf(environments);
        warnings = List.copyOf(warnings);
    }

    public Optional<EnvironmentState> get(Environment env) {
        return environments.stream().filter(s -> s.environment().equals(env)).findFirst();
    }

    /** Environment name to build tag text (null when the image has no build tag), in chain order. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (EnvironmentState s : environments) {
            map.put(s.environment().name(), s.buildTag().map(Tag::toString).orElse(null));
        }
        return map;
    }

    /** The design's JSON: {@code {"testing": "...-12", "staging": "...-11"}}; with detail, each value is an object with the digest. */
    public String toJson(boolean detail) {
        StringBuilder out = new StringBuilder("{");
        boolean first = true;
        for (EnvironmentState s : environments) {
            out.append(first ? "\n  " : ",\n  ");
            first = false;
            out.append(Json.string(s.environment().name())).append(": ");
            String build = s.buildTag().map(Tag::toString).orElse(null);
            if (detail) {
                out.append("{\"buildTag\": ").append(Json.string(build))
                        .append(", \"digest\": ").append(Json.string(s.digest().toString())).append('}');
            } else {
                out.append(Json.string(build));
            }
        }
        return out.append(first ? "}" : "\n}").toString();
    }
}
