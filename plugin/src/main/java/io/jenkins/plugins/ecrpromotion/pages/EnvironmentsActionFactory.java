package io.jenkins.plugins.ecrpromotion.pages;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;

/** Adds the "Environments" link to every job whose recent builds recorded an image; no configuration. */
@Extension
@SuppressWarnings("rawtypes")
public final class EnvironmentsActionFactory extends TransientActionFactory<Job> {
    /** How many recent builds decide whether the link shows (cheap enough for every job page view). */
    static final int LOOK_BACK = 20;

    @Override
    public Class<Job> type() {
        return Job.class;
    }

    @Override
    public Class<? extends Action> actionType() {
        return EnvironmentsAction.class;
    }

    @Override
    public Collection<? extends Action> createFor(Job target) {
        Job<?, ?> job = target;
        return JobBuilds.of(job, LOOK_BACK).isEmpty() ? List.of() : List.of(new EnvironmentsAction(job));
    }
}
