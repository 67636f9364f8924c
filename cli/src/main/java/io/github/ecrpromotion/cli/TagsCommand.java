package io.github.ecrpromotion.cli;

import io.github.ecrpromotion.core.buildtag.BuildTag;
import io.github.ecrpromotion.core.buildtag.BuildTagFormat;
import io.github.ecrpromotion.core.env.Environment;
import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.Registry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code promote tags}: the repository's build tags, newest first, with each image's digest and environments. */
@Command(name = "tags", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Lists the build tags of REPO, newest first, with the digest of each image and the "
                + "environments whose tag points at it. Reads only.")
final class TagsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REPO", description = "host[:port]/name or oci:PATH")
    String repository;

    @Mixin
    RegistryOptionsMixin registry;

    @Mixin
    OutputFormat output;

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() throws Exception {
        EnvironmentChain chain = registry.chain();
        PromoteCommand root = (PromoteCommand) spec.root().userObject();
        List<Map<String, Object>> rows = new ArrayList<>();
        Printer p = new Printer(spec);
        String repo;
        try (Registry reg = registry.open(repository, root.stdin())) {
            repo = reg.repository().toString();
            List<BuildTag> builds = new ArrayList<>();
            for (Tag t : reg.listTags()) {
                BuildTagFormat.tryParse(t.value()).ifPresent(builds::add);
            }
            builds.sort(BuildTag.NEWEST_FIRST);
            Map<Digest, List<String>> environments = new LinkedHashMap<>();
            for (Environment env : chain.environments()) {
                reg.resolve(ImageRef.of(env.tag()))
                        .ifPresent(d -> environments.computeIfAbsent(d, k -> new ArrayList<>()).add(env.name()));
            }
            for (BuildTag b : builds) {
                // A tag can vanish between the listing and this read (another run); such a tag is left out.
                Optional<Digest> digest = reg.resolve(ImageRef.of(b.tag()));
                if (digest.isPresent()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("buildTag", b.toString());
                    row.put("digest", digest.get().toString());
                    row.put("environments", environments.getOrDefault(digest.get(), List.of()));
                    rows.add(row);
                }
            }
            p.warnings(reg.takeWarnings());
        }
        if (output.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("repository", repo);
            doc.put("buildTags", rows);
            p.json(doc);
        } else {
            int width = "BUILD TAG".length();
            for (Map<String, Object> r : rows) {
                width = Math.max(width, r.get("buildTag").toString().length());
            }
            String format = "%-" + width + "s  %-71s  %s";
            p.line(String.format(format, "BUILD TAG", "DIGEST", "ENVIRONMENTS").strip());
            for (Map<String, Object> r : rows) {
                p.line(String.format(format, r.get("buildTag"), r.get("digest"),
                        String.join(",", (List<String>) r.get("environments"))).strip());
            }
        }
        return PromoteCommand.OK;
    }
}
