package io.jenkins.plugins.ecrpromotion.pages;

import io.github.ecrpromotion.core.env.Environment;
import io.github.ecrpromotion.core.env.EnvironmentState;
import io.github.ecrpromotion.core.env.PipelineState;
import io.github.ecrpromotion.core.ref.Tag;
import io.jenkins.plugins.ecrpromotion.HistoryEntry;
import io.jenkins.plugins.ecrpromotion.ImageRecord;
import io.jenkins.plugins.ecrpromotion.Messages;
import io.jenkins.plugins.ecrpromotion.TimeText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * What a job's Environments page shows: for each repository the job's builds recorded, one row per environment of
 * its chain with the build it holds now (this job's build number when it is one), the short digest, when and by whom
 * it was put there (when this job's history knows), and the buttons the build pages offer for that environment (the
 * same {@link BuildPageModel} rules: promote the predecessor's build, roll back to an earlier build). Pure: computed
 * from the builds' records and the live state, so it is tested without Jenkins.
 */
@ExportedBean
public final class EnvironmentsPageModel {
    /** At most this many roll-back buttons per environment (the newest candidates). */
    public static final int MAX_ROLLBACKS = 5;

    /** One build of the job, as far as the page needs it. */
    public record BuildRecord(int number, String url, List<ImageRecord> images, List<HistoryEntry> history) {
        public BuildRecord {
            images = List.copyOf(images);
            history = List.copyOf(history);
        }

        ImageRecord image(String repository) {
            for (ImageRecord i : images) {
                if (i.getRepository().equals(repository)) {
                    return i;
                }
            }
            return null;
        }
    }

    private final List<Section> sections;

    private EnvironmentsPageModel(List<Section> sections) {
        this.sections = Collections.unmodifiableList(sections);
    }

    /**
     * @param builds newest first
     * @param states the live state of a repository, read with the settings a build recorded for its image (called once
     *               per repository, with the newest build that recorded it)
     * @param linker build tag to build URL relative to the Jenkins root (for images of other jobs)
     */
    public static EnvironmentsPageModel of(List<BuildRecord> builds,
            BiFunction<BuildRecord, ImageRecord, StateCache.LiveState> states, Function<String, Optional<String>> linker) {
        Map<String, BuildRecord> newest = new LinkedHashMap<>();
        for (BuildRecord b : builds) {
            for (ImageRecord i : b.images()) {
                newest.putIfAbsent(i.getRepository(), b);
            }
        }
        List<Section> sections = new ArrayList<>();
        for (Map.Entry<String, BuildRecord> e : newest.entrySet()) {
            String repository = e.getKey();
            StateCache.LiveState live = states.apply(e.getValue(), e.getValue().image(repository));
            sections.add(section(repository, builds, live, linker));
        }
        return new EnvironmentsPageModel(sections);
    }

    /** The repositories names only (no registry): what the page shows before its script has the live state. */
    public static List<String> repositories(List<BuildRecord> builds) {
        List<String> out = new ArrayList<>();
        for (BuildRecord b : builds) {
            for (ImageRecord i : b.images()) {
                if (!out.contains(i.getRepository())) {
                    out.add(i.getRepository());
                }
            }
        }
        return out;
    }

    private static Section section(String repository, List<BuildRecord> builds, StateCache.LiveState live,
            Function<String, Optional<String>> linker) {
        if (!live.isAvailable()) {
            return new Section(repository, Messages.LiveState_Unavailable(live.unavailableReason()), List.of(), List.of());
        }
        PipelineState state = live.state();
        // Each build's own page model: the same button rules as its build page.
        Map<BuildRecord, BuildPageModel> models = new LinkedHashMap<>();
        for (BuildRecord b : builds) {
            ImageRecord image = b.image(repository);
            if (image != null) {
                models.put(b, BuildPageModel.of(image, live, b.history(), linker));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Environment env : state.chain().environments()) {
            Optional<EnvironmentState> es = state.get(env);
            String tag = es.flatMap(EnvironmentState::buildTag).map(Tag::toString).orElse(null);
            String digest = es.map(s -> s.digest().toString()).orElse(null);
            BuildRecord holder = null;
            for (BuildRecord b : models.keySet()) {
                if (BuildPageModel.holdsThisBuild(b.image(repository), es)) {
                    holder = b;
                    break;
                }
            }
            String url = holder != null ? holder.url() : tag == null ? null : linker.apply(tag).orElse(null);
            HistoryEntry when = es.isEmpty() ? null : lastPromotion(builds, repository, env.name(), digest, tag);
            List<JobButton> promote = new ArrayList<>();
            List<JobButton> rollback = new ArrayList<>();
            for (Map.Entry<BuildRecord, BuildPageModel> m : models.entrySet()) {
                for (BuildPageModel.Button b : m.getValue().getButtons()) {
                    if (!b.getEnvironment().equals(env.name())) {
                        continue;
                    }
                    if (BuildPageModel.MODE_PROMOTE.equals(b.getMode())) {
                        promote.add(new JobButton(m.getKey().number(), b));
                    } else if (rollback.size() < MAX_ROLLBACKS) {
                        rollback.add(new JobButton(m.getKey().number(), b));
                    }
                }
            }
            List<JobButton> buttons = new ArrayList<>(promote);
            buttons.addAll(rollback);
            rows.add(new Row(env.name(), es.isPresent(), tag, digest, holder == null ? null : holder.number(), url,
                    when == null ? null : when.getTimeMillis(), when == null ? null : when.getActor(), buttons));
        }
        return new Section(repository, null, new ArrayList<>(state.warnings()), rows);
    }

    /** The newest history entry of this job that put this image into the environment, or null. */
    static HistoryEntry lastPromotion(List<BuildRecord> builds, String repository, String environment, String digest,
            String tag) {
        HistoryEntry best = null;
        for (BuildRecord b : builds) {
            for (HistoryEntry h : b.history()) {
                if (!repository.equals(h.getRepository()) || !environment.equals(h.getEnvironment()) || !h.isEffective()) {
                    continue;
                }
                boolean same = h.getToDigest() != null ? h.getToDigest().equals(digest)
                        : tag != null && tag.equals(h.getToBuildTag());
                if (same && (best == null || h.getTimeMillis() > best.getTimeMillis())) {
                    best = h;
                }
            }
        }
        return best;
    }

    /** One section per repository, in the order the newest builds recorded them. */
    @Exported(name = "repositories")
    public List<Section> getSections() {
        return sections;
    }

    /** A repository's environments. */
    @ExportedBean(defaultVisibility = 2)
    public static final class Section {
        private final String repository;
        private final String unavailable;
        private final List<String> warnings;
        private final List<Row> rows;

        Section(String repository, String unavailable, List<String> warnings, List<Row> rows) {
            this.repository = repository;
            this.unavailable = unavailable;
            this.warnings = Collections.unmodifiableList(warnings);
            this.rows = Collections.unmodifiableList(rows);
        }

        @Exported
        public String getRepository() {
            return repository;
        }

        /** "state unavailable: reason", or null when the state was read. */
        @Exported
        public String getUnavailable() {
            return unavailable;
        }

        @Exported
        public List<String> getWarnings() {
            return warnings;
        }

        /** One row per environment in chain order; empty when the state is unavailable. */
        @Exported(name = "environments")
        public List<Row> getRows() {
            return rows;
        }
    }

    /** What one environment holds now, and what may be done about it. */
    @ExportedBean(defaultVisibility = 3)
    public static final class Row {
        private final String environment;
        private final boolean present;
        private final String buildTag;
        private final String digest;
        private final Integer buildNumber;
        private final String buildUrl;
        private final Long promotedAtMillis;
        private final String promotedBy;
        private final List<JobButton> buttons;

        Row(String environment, boolean present, String buildTag, String digest, Integer buildNumber, String buildUrl,
                Long promotedAtMillis, String promotedBy, List<JobButton> buttons) {
            this.environment = environment;
            this.present = present;
            this.buildTag = buildTag;
            this.digest = digest;
            this.buildNumber = buildNumber;
            this.buildUrl = buildUrl;
            this.promotedAtMillis = promotedAtMillis;
            this.promotedBy = promotedBy;
            this.buttons = Collections.unmodifiableList(buttons);
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

        @Exported
        public String getBuildTag() {
            return buildTag;
        }

        @Exported
        public String getDigest() {
            return digest;
        }

        public String getShortDigest() {
            return Digests.shortForm(digest);
        }

        /** The number of this job's build whose image it holds, or null (another job's image, or none known). */
        @Exported
        public Integer getBuildNumber() {
            return buildNumber;
        }

        /** URL of the build (this job's or, when visible, another's) relative to the Jenkins root, or null. */
        @Exported
        public String getBuildUrl() {
            return buildUrl;
        }

        /** When this job's history last put this image there, or null when it does not know. */
        public Long getPromotedAtMillis() {
            return promotedAtMillis;
        }

        /** {@link #getPromotedAtMillis()} as ISO-8601 UTC text, or null. */
        @Exported(name = "promotedAt")
        public String getPromotedAt() {
            return promotedAtMillis == null ? null : TimeText.iso(promotedAtMillis);
        }

        /** Who did (user id, or the run that promoted), or null. */
        @Exported
        public String getPromotedBy() {
            return promotedBy;
        }

        /** Promote first, then the roll-back choices (newest build first). */
        public List<JobButton> getButtons() {
            return buttons;
        }
    }

    /** A build page's button offered on the job's page: it names the build it acts on. */
    public static final class JobButton {
        private final int buildNumber;
        private final BuildPageModel.Button button;

        JobButton(int buildNumber, BuildPageModel.Button button) {
            this.buildNumber = buildNumber;
            this.button = Objects.requireNonNull(button, "button");
        }

        public int getBuildNumber() {
            return buildNumber;
        }

        public BuildPageModel.Button getButton() {
            return button;
        }

        /** {@code promote?build=N&repository=…&environment=…&mode=…}, relative to the Environments page's URL. */
        public String getQuery() {
            return "promote?build=" + buildNumber + "&" + button.getQuery().substring("promote?".length());
        }

        @Override
        public String toString() {
            return "#" + buildNumber + " " + button.getLabel();
        }
    }
}
