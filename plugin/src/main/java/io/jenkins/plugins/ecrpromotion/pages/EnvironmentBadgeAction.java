package io.jenkins.plugins.ecrpromotion.pages;

import hudson.model.BuildBadgeAction;
import io.github.ecrpromotion.core.env.Environment;
import io.jenkins.plugins.ecrpromotion.ImageRecord;
import io.jenkins.plugins.ecrpromotion.Messages;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The small badges next to a build in the build history and on its page, one per environment that holds this
 * build's image now (tooltip: the environment and repository). Computed from the last state a page read
 * ({@link LiveStates#peek}): showing the history never reaches a registry. No badge when nothing is known or the
 * build left every environment.
 */
public final class EnvironmentBadgeAction implements BuildBadgeAction {
    private final List<Badge> badges;

    EnvironmentBadgeAction(List<Badge> badges) {
        this.badges = Collections.unmodifiableList(new ArrayList<>(badges));
    }

    /** One environment holding one of the build's images. */
    public record Badge(String environment, String repository) {
        /** The hover text, e.g. "production holds this build's image of 1234.dkr.ecr…/app". */
        public String getTooltip() {
            return Messages.Badge_Tooltip(environment, repository);
        }

        public String getEnvironment() {
            return environment;
        }
    }

    /**
     * The badges of a build with these images, given what is known of each image's environments (empty: nothing
     * known, no badge). In chain order, per image in recording order.
     */
    public static List<Badge> of(List<ImageRecord> images, Function<ImageRecord, Optional<StateCache.LiveState>> known) {
        List<Badge> out = new ArrayList<>();
        for (ImageRecord image : images) {
            Optional<StateCache.LiveState> live = known.apply(image);
            if (live.isEmpty() || !live.get().isAvailable()) {
                continue;
            }
            for (Environment env : live.get().state().chain().environments()) {
                if (BuildPageModel.holdsThisBuild(image, live.get().state().get(env))) {
                    out.add(new Badge(env.name(), image.getRepository()));
                }
            }
        }
        return out;
    }

    public List<Badge> getBadges() {
        return badges;
    }

    /** No side-panel entry: a badge only. */
    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.Badge_DisplayName();
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
