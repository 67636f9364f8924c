package io.github.ecrpromotion.cli;

import io.github.ecrpromotion.core.InvalidInputException;
import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.Registry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code promote digest}: the digest a tag points at, as {@code crane digest} prints it. */
@Command(name = "digest", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Prints the digest of the image REPO:TAG names (REPO@DIGEST: checks that the image is there). "
                + "Reads only.")
final class DigestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REPO:TAG",
            description = "An image: host[:port]/name:tag, oci:PATH:tag, or ...@sha256:<64 hex>.")
    String image;

    @Mixin
    RegistryOptionsMixin registry;

    @Mixin
    OutputFormat output;

    /** An image reference split into repository text and tag or digest. */
    record Reference(String repository, ImageRef ref) {
        /**
         * {@code repo:tag} or {@code repo@digest}; the tag is what follows the last ':' after the last '/'; a bare
         * {@code repo} means {@code repo:latest}.
         */
        static Reference parse(String text) throws InvalidInputException {
            int at = text.lastIndexOf('@');
            if (at > 0) {
                return new Reference(text.substring(0, at), ImageRef.of(Digest.parse(text.substring(at + 1))));
            }
            int colon = text.lastIndexOf(':');
            if (colon > 0 && colon > text.lastIndexOf('/') && !text.substring(0, colon).equals("oci")) {
                return new Reference(text.substring(0, colon), ImageRef.of(Tag.parse(text.substring(colon + 1))));
            }
            // No tag or digest: ":latest", as crane and docker read a bare repository.
            return new Reference(text, ImageRef.of(Tag.of("latest")));
        }
    }

    @Override
    public Integer call() throws Exception {
        Reference r = Reference.parse(image);
        PromoteCommand root = (PromoteCommand) spec.root().userObject();
        Digest digest;
        String repo;
        try (Registry reg = registry.open(r.repository(), root.stdin())) {
            repo = reg.repository().toString();
            Optional<Digest> found = reg.resolve(r.ref());
            if (found.isEmpty()) {
                reg.listTags(); // a missing repository is "repository not found" (exit 1), not a missing tag
                throw new InvalidInputException("Tried to read the digest of " + r.ref() + " in " + reg.repository()
                        + " but failed because the repository has no such " + (r.ref().tag().isPresent() ? "tag" : "image")
                        + "; list its build tags with 'promote tags REPO'");
            }
            digest = found.get();
        }
        Printer p = new Printer(spec);
        if (output.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("repository", repo);
            doc.put("reference", r.ref().toString());
            doc.put("digest", digest.toString());
            p.json(doc);
        } else {
            p.line(digest.toString());
        }
        return PromoteCommand.OK;
    }
}
