package io.github.ecrpromotion.core.buildtag;

import io.github.ecrpromotion.core.ref.Tag;
import java.util.Comparator;
import java.util.Optional;

/**
 * Orders repository tags: build tags first, newest first (by time, then build number), then other tags by name.
 * Tags other tools wrote may only look like build tags (the leading timestamp, then another format, or a date that
 * does not exist); they sort by their timestamp text and never make the comparison throw.
 */
public final class BuildTagOrder implements Comparator<Tag> {
    /** The shared instance. */
    public static final BuildTagOrder BUILD_TAGS_NEWEST_FIRST = new BuildTagOrder();

    private BuildTagOrder() {
    }

    @Override
    public int compare(Tag a, Tag b) {
        boolean ab = BuildTag.isBuildTag(a);
        boolean bb = BuildTag.isBuildTag(b);
        if (ab != bb) {
            return ab ? -1 : 1;
        }
        if (!ab) {
            return a.compareTo(b);
        }
        // The timestamp prefix has a fixed width, so its text sorts chronologically.
        int byTime = b.value().substring(0, 20).compareTo(a.value().substring(0, 20));
        if (byTime != 0) {
            return byTime;
        }
        // Not a build tag of ours after all: -1, after the real ones of the same second.
        long na = BuildTagFormat.tryParse(a.value()).map(BuildTag::buildNumber).orElse(-1L);
        long nb = BuildTagFormat.tryParse(b.value()).map(BuildTag::buildNumber).orElse(-1L);
        if (na != nb) {
            return Long.compare(nb, na);
        }
        return b.compareTo(a);
    }

    /** The newest build tag among these tags. */
    public static Optional<Tag> newest(Iterable<Tag> tags) {
        Tag best = null;
        for (Tag t : tags) {
            if (BuildTag.isBuildTag(t) && (best == null || BUILD_TAGS_NEWEST_FIRST.compare(t, best) < 0)) {
                best = t;
            }
        }
        return Optional.ofNullable(best);
    }
}
