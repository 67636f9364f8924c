package io.jenkins.plugins.ecrpromotion.pages;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Run;
import io.jenkins.plugins.ecrpromotion.EcrPromotionAction;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;

/** Gives a build its {@link EnvironmentBadgeAction} when an environment holds its image, as far as pages last read. */
@Extension
@SuppressWarnings("rawtypes")
public final class EnvironmentBadgeFactory extends TransientActionFactory<Run> {
    @Override
    public Class<Run> type() {
        return Run.class;
    }

    @Override
    public Class<? extends Action> actionType() {
        return EnvironmentBadgeAction.class;
    }

    @Override
    public Collection<? extends Action> createFor(Run target) {
        Run<?, ?> run = target;
        EcrPromotionAction action = run.getAction(EcrPromotionAction.class);
        if (action == null || action.getImages().isEmpty()) {
            return List.of();
        }
        List<EnvironmentBadgeAction.Badge> badges =
                EnvironmentBadgeAction.of(action.getImages(), image -> LiveStates.peek(run, image));
        return badges.isEmpty() ? List.of() : List.of(new EnvironmentBadgeAction(badges));
    }
}
