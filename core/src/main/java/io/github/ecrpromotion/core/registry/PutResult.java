package io.github.ecrpromotion.core.registry;

import io.github.ecrpromotion.core.ref.Digest;

/** What a manifest write did: the digest the registry reports, and whether the tag moved or was created. */
public record PutResult(Digest digest, boolean changed) {
}
