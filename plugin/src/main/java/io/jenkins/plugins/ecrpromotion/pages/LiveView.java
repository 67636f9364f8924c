package io.jenkins.plugins.ecrpromotion.pages;

import io.jenkins.plugins.ecrpromotion.Messages;
import io.jenkins.plugins.ecrpromotion.TimeText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON the page script renders: one section per image (build page) or repository (Environments page), each with
 * its table, warnings, "state unavailable: reason" and buttons. Every text is decided here (localized, short digests,
 * the full digest for hover and copy, times as ISO UTC for the script to show in the viewer's zone), so the script
 * only builds elements from it, with text nodes, never HTML.
 *
 * <p>Shapes: {@code {"sections": [{"unavailable", "warnings": [], "columns": [], "rows": [[cell]], "buttons": [button]}]}};
 * a cell has {@code text} and optionally {@code href} (relative to the Jenkins root), {@code title} (hover),
 * {@code copy} (text a copy button copies), {@code time} (ISO UTC; with {@code ago}, shown as "3 hours ago"),
 * {@code code} (monospace), {@code note} and
 * {@code buttons}; a button has {@code label} (also the dialog's title and confirm text), {@code message},
 * {@code post} (relative to the page's action URL) and {@code destructive}.
 */
public final class LiveView {
    private LiveView() {
    }

    /** The build page: per image, which build each environment holds; buttons only when {@code canPromote}. */
    public static Map<String, Object> forBuild(List<BuildPageModel> models, boolean canPromote, Origin origin) {
        List<Object> sections = new ArrayList<>();
        for (BuildPageModel m : models) {
            Map<String, Object> section = section(m.getUnavailable(), m.getWarnings());
            section.put("columns", List.of(Messages.Column_Environment(), Messages.Column_HoldsNow(),
                    Messages.Column_Digest()));
            List<Object> rows = new ArrayList<>();
            for (BuildPageModel.EnvironmentRow row : m.getRows()) {
                Map<String, Object> holds = !row.isPresent() ? cell(Messages.Cell_Empty())
                        : row.getBuildTag() == null ? cell(Messages.Cell_NoBuildTag())
                        : link(row.getBuildTag(), row.getBuildUrl());
                if (row.isThisBuild()) {
                    holds.put("note", Messages.Cell_ThisBuild());
                }
                rows.add(List.of(cell(row.getEnvironment()), holds, digest(row.getDigest())));
            }
            section.put("rows", rows);
            List<Object> buttons = new ArrayList<>();
            if (canPromote) {
                for (BuildPageModel.Button b : m.getButtons()) {
                    buttons.add(button(b, b.getQuery(), origin));
                }
            }
            section.put("buttons", buttons);
            sections.add(section);
        }
        return root(sections);
    }

    /** The Environments page: per repository, each environment's build, when and by whom, and its buttons. */
    public static Map<String, Object> forJob(EnvironmentsPageModel model, boolean canPromote) {
        List<Object> sections = new ArrayList<>();
        for (EnvironmentsPageModel.Section s : model.getSections()) {
            Map<String, Object> section = section(s.getUnavailable(), s.getWarnings());
            List<String> columns = new ArrayList<>(List.of(Messages.Column_Environment(), Messages.Column_Build(),
                    Messages.Column_Digest(), Messages.Column_Promoted(), Messages.Column_By()));
            if (canPromote) {
                columns.add(Messages.Column_Actions());
            }
            section.put("columns", columns);
            List<Object> rows = new ArrayList<>();
            for (EnvironmentsPageModel.Row row : s.getRows()) {
                List<Object> cells = new ArrayList<>();
                cells.add(cell(row.getEnvironment()));
                Map<String, Object> build = !row.isPresent() ? cell(Messages.Cell_Empty())
                        : row.getBuildNumber() != null ? link("#" + row.getBuildNumber(), row.getBuildUrl())
                        : row.getBuildTag() != null ? link(row.getBuildTag(), row.getBuildUrl())
                        : cell(Messages.Cell_NoBuildTag());
                if (row.getBuildTag() != null) {
                    build.put("title", row.getBuildTag());
                }
                cells.add(build);
                cells.add(digest(row.getDigest()));
                cells.add(row.getPromotedAtMillis() == null ? cell("") : ago(time(row.getPromotedAtMillis())));
                cells.add(cell(row.getPromotedBy() == null ? "" : row.getPromotedBy()));
                if (canPromote) {
                    Map<String, Object> actions = cell("");
                    List<Object> buttons = new ArrayList<>();
                    for (EnvironmentsPageModel.JobButton b : row.getButtons()) {
                        buttons.add(button(b.getButton(), b.getQuery(), Origin.ENVIRONMENTS));
                    }
                    actions.put("buttons", buttons);
                    cells.add(actions);
                }
                rows.add(cells);
            }
            section.put("rows", rows);
            section.put("buttons", List.of());
            sections.add(section);
        }
        return root(sections);
    }

    private static Map<String, Object> root(List<Object> sections) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("sections", sections);
        return root;
    }

    private static Map<String, Object> section(String unavailable, List<String> warnings) {
        Map<String, Object> section = new LinkedHashMap<>();
        if (unavailable != null) {
            section.put("unavailable", unavailable);
        }
        section.put("warnings", new ArrayList<>(warnings));
        return section;
    }

    static Map<String, Object> cell(String text) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("text", text);
        return c;
    }

    private static Map<String, Object> link(String text, String href) {
        Map<String, Object> c = cell(text);
        if (href != null) {
            c.put("href", href);
        }
        return c;
    }

    /** The short digest, with the full one on hover and for the copy button. */
    static Map<String, Object> digest(String digest) {
        if (digest == null) {
            return cell("");
        }
        Map<String, Object> c = cell(Digests.shortForm(digest));
        c.put("code", true);
        c.put("title", digest);
        c.put("copy", digest);
        return c;
    }

    /** A time: ISO UTC for the script to show in the viewer's zone; the UTC text until then and on hover. */
    static Map<String, Object> time(long millis) {
        Map<String, Object> c = cell(TimeText.utc(millis));
        c.put("time", TimeText.iso(millis));
        c.put("title", TimeText.utc(millis));
        return c;
    }

    /** Shown as "how long ago" (in the browser's language), the time itself on hover. */
    private static Map<String, Object> ago(Map<String, Object> time) {
        time.put("ago", true);
        return time;
    }

    private static Map<String, Object> button(BuildPageModel.Button b, String query, Origin origin) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", b.getLabel());
        m.put("message", b.getConfirmation());
        m.put("post", query + "&from=" + origin.param());
        m.put("destructive", b.isDestructive());
        return m;
    }
}
