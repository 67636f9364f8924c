package io.jenkins.plugins.ecrpromotion.pages;

import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.ecrpromotion.EcrPromotionAction;
import java.util.ArrayList;
import java.util.List;

/** The job's newest builds that recorded images, read from their persisted records (never from a registry). */
final class JobBuilds {
    /** How many builds back the Environments page looks (loading older builds would slow the page down). */
    static final int MAX_BUILDS = 50;

    private JobBuilds() {
    }

    /** Newest first, at most {@code limit} builds looked at. */
    static List<EnvironmentsPageModel.BuildRecord> of(Job<?, ?> job, int limit) {
        List<EnvironmentsPageModel.BuildRecord> out = new ArrayList<>();
        int seen = 0;
        for (Run<?, ?> r = job.getLastBuild(); r != null && seen < limit; r = r.getPreviousBuild(), seen++) {
            EcrPromotionAction a = r.getAction(EcrPromotionAction.class);
            if (a != null && !a.getImages().isEmpty()) {
                out.add(new EnvironmentsPageModel.BuildRecord(r.getNumber(), r.getUrl(), a.getImages(), a.getHistory()));
            }
        }
        return out;
    }
}
