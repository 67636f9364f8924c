package io.jenkins.plugins.ecrpromotion.pages;

import io.jenkins.plugins.ecrpromotion.HistoryEntry;
import io.jenkins.plugins.ecrpromotion.ImageRecord;

import io.github.ecrpromotion.core.env.Environment;
import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.env.EnvironmentState;
import io.github.ecrpromotion.core.env.PipelineState;
import io.github.ecrpromotion.core.ref.Tag;
import io.jenkins.plugins.ecrpromotion.HistoryEntry;
import io.jenkins.plugins.ecrpromotion.Messages;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the build page shows for one recorded image: the image, which build each environment holds now, and which
 * buttons apply. Pure: computed from the record, the live state, and this build's history, so every rule is a
 * table test without Jenkins.
 */

@ExportedBean(defaultVisibility = 2)
public final class BuildPageModel {
    /** The {@code mode} parameter of a normal promotion from the predecessor. */
    public static final String MODE_PROMOTE = "promote";
    /** The {@code mode} parameter of a rollback by this build's build tag or digest. */
    public static final String MODE_ROLLBACK = "rollback";
    /** History results starting with this word record a failed attempt; such an entry never offers a rollback. */
    public static final String FAILED = HistoryEntry.FAILED;

    private final ImageRecord image;
    private final String buildUrl;
    private final List<EnvironmentRow> rows;
    private final List<Button> buttons;
    private final String unavailable;
    private final List<String> warnings;

    private BuildPageModel(ImageRecord image, String buildUrl, List<EnvironmentRow> rows, List<Button> buttons,
            String unavailable, List<String> warnings) {
        this.image = image;
        this.buildUrl = buildUrl;
        this.rows = Collections.unmodifiableList(rows);
        this.buttons = Collections.unmodifiableList(buttons);
        this.unavailable = unavailable;
        this.warnings = Collections.unmodifiableList(warnings);
    }

    /**
     * Computes the model.
     *
     * @param history this build's history (entries of other repositories are ignored)
     * @param linker  build tag to build URL relative to the Jenkins root, empty when no such build exists
     */
    public static BuildPageModel of(ImageRecord image, StateCache.LiveState live, List<HistoryEntry> history,
            Function<String, Optional<String>> linker) {
        Objects.requireNonNull(image, "image");
        String ownUrl = link(linker, image.getBuildTag());
        if (!live.isAvailable()) {
            return new BuildPageModel(image, ownUrl, List.of(), List.of(),
                    Messages.LiveState_Unavailable(live.unavailableReason()), List.of());
        }
        PipelineState state = live.state();
        EnvironmentChain chain = state.chain();
        List<EnvironmentRow> rows = new ArrayList<>();
        for (Environment env : chain.environments()) {
            Optional<EnvironmentState> es = state.get(env);
            String tag = es.flatMap(EnvironmentState::buildTag).map(Tag::toString).orElse(null);
            String digest = es.map(s -> s.digest().toString()).orElse(null);
            rows.add(new EnvironmentRow(env.name(), es.isPresent(), tag, digest, link(linker, tag),
                    holdsThisBuild(image, es)));
        }
        List<Button> buttons = new ArrayList<>();
        List<String> promotable = new ArrayList<>();
        for (Environment env : chain.environments()) {
            Optional<Environment> pred = chain.predecessor(env);
            if (pred.isPresent() && holdsThisBuild(image, state.get(pred.get())) && !holdsThisBuild(image, state.get(env))) {
                promotable.add(env.name());
                buttons.add(new Button(image.getRepository(), env.name(), MODE_PROMOTE,
                        Messages.Button_Promote(env.name()),
                        Messages.Button_Promote_Question(describe(image), pred.get().name(), env.name()) + now(state, env),
                        false));
            }
        }
        for (Environment env : chain.environments()) {
            if (!promotable.contains(env.name()) && heldBefore(image, env, history)
                    && !holdsThisBuild(image, state.get(env))) {
                buttons.add(new Button(image.getRepository(), env.name(), MODE_ROLLBACK,
                        Messages.Button_RollBack(env.name(), describe(image)),
                        Messages.Button_RollBack_Question(env.name(), describe(image)) + now(state, env), true));
            }
        }
        return new BuildPageModel(image, ownUrl, rows, buttons, null, new ArrayList<>(state.warnings()));
    }

    /** Whether an environment holds this build's image: same digest (or, when no digest was recorded, same build tag). */
    static boolean holdsThisBuild(ImageRecord image, Optional<EnvironmentState> es) {
        if (es.isEmpty()) {
            return false;
        }
        if (image.getDigest() != null) {
            return image.getDigest().equals(es.get().digest().toString());
        }
        return image.getBuildTag() != null
                && es.get().buildTag().map(t -> t.toString().equals(image.getBuildTag())).orElse(false);
    }

    /** Whether this build's history shows its image was put into the environment (by a step or a button). */
    static boolean heldBefore(ImageRecord image, Environment env, List<HistoryEntry> history) {
        for (HistoryEntry h : history) {
            if (!image.getRepository().equals(h.getRepository()) || !env.name().equals(h.getEnvironment())) {
                continue;
            }
            // A failed attempt or a dry run never put the image there: not a rollback target.
            if (!h.isEffective()) {
                continue;
            }
            boolean same = image.getDigest() != null
                    ? image.getDigest().equals(h.getToDigest())
                    : image.getBuildTag() != null && image.getBuildTag().equals(h.getToBuildTag());
            if (same) {
                return true;
            }
        }
        return false;
    }

    private static String describe(ImageRecord image) {
        return image.getBuildTag() != null ? image.getBuildTag() : image.getDigest();
    }

    static String describe(String buildTag, String digest) {
        return buildTag != null ? buildTag : digest;
    }

    static String now(PipelineState state, Environment env) {
        return " " + state.get(env)
                .map(s -> Messages.Button_NowHolds(env.name(), s.buildTag().map(Tag::toString).orElse(Digests.shortForm(s.digest().toString()))))
                .orElse(Messages.Button_HoldsNothing(env.name()));
    }

    private static String link(Function<String, Optional<String>> linker, String buildTag) {
        return buildTag == null ? null : linker.apply(buildTag).orElse(null);
    }

    @Exported
    public String getRepository() {
        return image.getRepository();
    }

    @Exported
    public String getBuildTag() {
        return image.getBuildTag();
    }

    @Exported
    public String getDigest() {
        return image.getDigest();
    }

    /** {@code sha256:} and 12 hex digits of the digest, or null. */
    public String getShortDigest() {
        return Digests.shortForm(image.getDigest());
    }

    /** URL of the build that produced the image, relative to the Jenkins root; null when it does not exist. */
    @Exported
    public String getBuildUrl() {
        return buildUrl;
    }

    /** One row per environment in chain order; empty when the state is unavailable. */
    @Exported(name = "environments")
    public List<EnvironmentRow> getRows() {
        return rows;
    }

    /** Buttons that apply now; empty when the state is unavailable. */
    public List<Button> getButtons() {
        return buttons;
    }

    /** "state unavailable: reason", or null when the state was read. */
    @Exported
    public String getUnavailable() {
        return unavailable;
    }

    /** The state's warnings (e.g. an environment image without a build tag). */
    @Exported
    public List<String> getWarnings() {
        return warnings;
    }

    /** What one environment holds now. */
    @ExportedBean(defaultVisibility = 3)
    public static final class EnvironmentRow {
        private final String environment;
        private final boolean present;
        private final String buildTag;
        private final String digest;
        private final String buildUrl;
        private final boolean thisBuild;

        EnvironmentRow(String environment, boolean present, String buildTag, String digest, String buildUrl, boolean thisBuild) {
            this.environment = environment;
            this.present = present;
            this.buildTag = buildTag;
            this.digest = digest;
            this.buildUrl = buildUrl;
            this.thisBuild = thisBuild;
        }

        @Exported(name = "name")
        public String getEnvironment() {
            return environment;
        }

        /** Whether the environment tag exists. */
        @Exported
        public boolean isPresent() {
            return present;
        }

        /** Build tag of the image there, or null. */
        @Exported
        public String getBuildTag() {
            return buildTag;
        }

        @Exported
        public String getDigest() {
            return digest;
        }

        /** {@code sha256:} and 12 hex digits, for tables; the full digest goes on hover and copy. */
        public String getShortDigest() {
            return Digests.shortForm(digest);
        }

        /** URL of the build that produced the image there, relative to the Jenkins root, or null. */
        @Exported
        public String getBuildUrl() {
            return buildUrl;
        }

        /** Whether it is this build's image. */
        @Exported
        public boolean isThisBuild() {
            return thisBuild;
        }
    }

    /**
     * A promote or roll-back button: a confirmed POST to the {@code promote} URL of the build's action. The label is
     * also the dialog's title and its confirm button's text, so the click says what it will do.
     */
    public static final class Button {
        private final String repository;
        private final String environment;
        private final String mode;
        private final String label;
        private final String confirmation;
        private final boolean destructive;

        Button(String repository, String environment, String mode, String label, String confirmation,
                boolean destructive) {
            this.repository = repository;
            this.environment = environment;
            this.mode = mode;
            this.label = label;
            this.confirmation = confirmation;
            this.destructive = destructive;
        }

        /** Whether the dialog marks the action as destructive (a rollback replaces a newer image). */
        public boolean isDestructive() {
            return destructive;
        }

        public String getRepository() {
            return repository;
        }

        public String getEnvironment() {
            return environment;
        }

        /** {@link #MODE_PROMOTE} or {@link #MODE_ROLLBACK}. */
        public String getMode() {
            return mode;
        }

        public String getLabel() {
            return label;
        }

        /** The question the confirmation dialog asks. */
        public String getConfirmation() {
            return confirmation;
        }

        /** {@code promote?repository=…&environment=…&mode=…}, relative to the action's URL, each value URL-encoded. */
        public String getQuery() {
            return "promote?repository=" + enc(repository) + "&environment=" + enc(environment) + "&mode=" + enc(mode);
        }

        static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return label;
        }
    }
}
