package io.jenkins.plugins.ecrpromotion.pages;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.ecrpromotion.EcrPromotionAction;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import jenkins.model.TransientActionFactory;

/**
 * Adds the "Environments" link to every job whose recent builds recorded an image; no configuration. Jenkins asks
 * on every job page view and for every job in an API answer with actions, so a job whose finished builds are known
 * to hold no image is not looked through again until it has a new last build (only a running build records images).
 */
@Extension
@SuppressWarnings("rawtypes")
public final class EnvironmentsActionFactory extends TransientActionFactory<Job> {
    /** How many recent builds decide whether the link shows. */
    static final int LOOK_BACK = 20;

    /** Jobs without images, by the number of their last build when that was found; weak, so deleted jobs go. */
    private static final Map<Job<?, ?>, Integer> NONE_UP_TO = Collections.synchronizedMap(new WeakHashMap<>());

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
        Run<?, ?> last = job.getLastBuild();
        if (last == null) {
            return List.of();
        }
        Integer none = NONE_UP_TO.get(job);
        if (none != null && none == last.getNumber() && !last.isBuilding()) {
            return List.of();
        }
        boolean running = false;
        int seen = 0;
        for (Run<?, ?> r = last; r != null && seen < LOOK_BACK; r = r.getPreviousBuild(), seen++) {
            EcrPromotionAction a = r.getAction(EcrPromotionAction.class);
            if (a != null && !a.getImages().isEmpty()) {
                NONE_UP_TO.remove(job);
                return List.of(new EnvironmentsAction(job));
            }
            running |= r.isBuilding();
        }
        if (!running) {
            NONE_UP_TO.put(job, last.getNumber());
        }
        return List.of();
    }
}
