package io.github.ecrpromotion.core.plan;

import io.github.ecrpromotion.core.InvalidInputException;
import io.github.ecrpromotion.core.PromotionRefusedException;
import io.github.ecrpromotion.core.PromotionRefusedException.Policy;
import io.github.ecrpromotion.core.buildtag.BuildTagFormat;
import io.github.ecrpromotion.core.env.Environment;
import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Tag;
import java.util.Optional;

/**
 * The chain rule, in the one place every writing path passes through ({@code promote to}, {@code promote tag},
 * the Pipeline steps and the build page's buttons): an environment takes images only from its predecessor; a new
 * build enters only the first environment; any environment may take an image named explicitly by build tag or
 * digest (a rollback or hotfix), and such a move is reported as explicit. Pure: no I/O.
 */
public final class PromotionPolicy {
    private final EnvironmentChain chain;

    public PromotionPolicy(EnvironmentChain chain) {
        this.chain = chain;
    }

    public EnvironmentChain chain() {
        return chain;
    }

    /**
     * Why {@code target} may take the image {@code source} names.
     *
     * @throws InvalidInputException an environment is not in the chain, or an environment is asked to take from itself
     * @throws PromotionRefusedException (policy NOT_FROM_PREDECESSOR) the chain forbids it
     */
    public Admission admit(Environment target, PromotionSource source) throws InvalidInputException,
            PromotionRefusedException {
        requireInChain(target, "promote to '" + target + "'");
        if (source instanceof PromotionSource.FromEnvironment from) {
            return fromEnvironment(target, from.environment(), source);
        }
        if (source instanceof PromotionSource.NewBuild build) {
            return newBuild(target, build);
        }
        return explicit(target, source);
    }

    private Admission fromEnvironment(Environment target, Environment from, PromotionSource source)
            throws InvalidInputException, PromotionRefusedException {
        requireInChain(from, "promote from '" + from + "' to " + target);
        if (from.equals(target)) {
            throw new InvalidInputException("Tried to promote " + target + " from itself but failed because the "
                    + "source and target environments must differ");
        }
        Optional<Environment> predecessor = chain.predecessor(target);
        if (predecessor.isEmpty()) {
            throw new PromotionRefusedException(Policy.NOT_FROM_PREDECESSOR, "Tried to promote from " + from
                    + " to " + target + " but failed because " + target + " is the first environment in " + chain
                    + " and takes images only from builds; name the image by build tag or digest instead");
        }
        if (!predecessor.get().equals(from)) {
            throw new PromotionRefusedException(Policy.NOT_FROM_PREDECESSOR, "Tried to promote from " + from
                    + " to " + target + " but failed because " + target + " takes images only from its predecessor "
                    + predecessor.get() + " in " + chain + "; to skip or go back, name the image by build tag or digest");
        }
        return new Admission(target, source, false, "from its predecessor " + from, Optional.of(from));
    }

    /**
     * A pushed image: the first environment takes it as a new build. A later environment takes it only when it is
     * named explicitly (by digest or by a build tag), or when the name is the predecessor's tag, which makes it an
     * ordinary promotion; a mutable tag such as {@code candidate-12} or {@code latest} is neither.
     */
    private Admission newBuild(Environment target, PromotionSource.NewBuild build)
            throws InvalidInputException, PromotionRefusedException {
        ImageRef ref = build.ref();
        Optional<Environment> env = ref.tag().flatMap(this::environmentOf);
        if (env.isPresent()) {
            if (env.get().equals(target)) {
                return new Admission(target, build, false, "already in " + target, chain.predecessor(target));
            }
            return fromEnvironment(target, env.get(), build);
        }
        if (chain.environments().get(0).equals(target)) {
            return new Admission(target, build, false, "a new build entering the first environment", Optional.empty());
        }
        // A build tag names one image forever, so naming it is explicit; a tag that only starts with a timestamp
        // (say 2024.01.01T00.00.00Z-nightly) is a mutable tag like any other.
        if (ref.isDigest() || BuildTagFormat.tryParse(ref.tag().orElseThrow().value()).isPresent()) {
            return explicit(target, build);
        }
        throw new PromotionRefusedException(Policy.NOT_FROM_PREDECESSOR, "Tried to put " + target + " on the image "
                + "pushed as " + ref + " but failed because only the first environment " + chain.environments().get(0)
                + " takes new builds, and " + target + " takes images only from its predecessor "
                + chain.predecessor(target).orElseThrow() + " in " + chain + "; to put a build there on purpose "
                + "(rollback or hotfix), name the image by its digest or its build tag");
    }

    private Admission explicit(Environment target, PromotionSource source) {
        return new Admission(target, source, true, "named explicitly (rollback or hotfix)", chain.predecessor(target));
    }

    private Optional<Environment> environmentOf(Tag tag) {
        return chain.environments().stream().filter(e -> e.tag().equals(tag)).findFirst();
    }

    private void requireInChain(Environment env, String action) throws InvalidInputException {
        if (!chain.contains(env)) {
            throw new InvalidInputException("Tried to " + action + " but failed because '" + env + "' is not in the "
                    + "environment chain; valid environments are " + chain);
        }
    }

    /**
     * A move the chain allows: whether the image was named explicitly (rollback or hotfix, reported as such) and
     * how it came, in words for logs ("from its predecessor testing").
     */
    public record Admission(Environment target, PromotionSource source, boolean explicit, String how,
                            Optional<Environment> predecessor) {

        /**
         * What every front end appends to an explicit move's log line, the same words for {@code to}, {@code tag},
         * the steps and the buttons: {@code ; named explicitly, not taken from the predecessor staging (rollback or
         * hotfix)}. Empty when the move is not explicit.
         */
        public String explicitNote() {
            if (!explicit) {
                return "";
            }
            return "; named explicitly, not taken from " + predecessor.map(p -> "the predecessor " + p)
                    .orElse("a predecessor") + " (rollback or hotfix)";
        }
    }
}
