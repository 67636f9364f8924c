package io.jenkins.plugins.ecrpromotion.pages;

import hudson.model.Run;
import io.jenkins.plugins.ecrpromotion.EcrPromotionAction;
import io.jenkins.plugins.ecrpromotion.HistoryEntry;
import io.jenkins.plugins.ecrpromotion.ImageRecord;
import java.util.ArrayList;
import java.util.List;

/** The build page's models, from a build's record and the live state (read through {@link LiveStates}). */
public final class RunPages {
    private RunPages() {
    }

    /** One model per recorded image; reads the live state (cached, bounded by the configured timeout). */
    public static List<BuildPageModel> summaries(Run<?, ?> run, EcrPromotionAction action) {
        List<HistoryEntry> history = action.getHistory();
        List<BuildPageModel> out = new ArrayList<>();
        for (ImageRecord image : action.getImages()) {
            out.add(BuildPageModel.of(image, LiveStates.read(run, image), history, LiveStates::linkOf));
        }
        return out;
    }
}
