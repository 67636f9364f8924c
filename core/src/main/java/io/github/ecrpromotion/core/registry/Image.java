package io.github.ecrpromotion.core.registry;

import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.Tag;
import java.util.List;

/** An image a tag points at: its digest and those of its other tags that a query asked for. */
public record Image(Digest digest, List<Tag> tags) {
    public Image {
        tags = List.copyOf(tags);
    }
}
