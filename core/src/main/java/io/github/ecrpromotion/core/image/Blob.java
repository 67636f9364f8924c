package io.github.ecrpromotion.core.image;

import io.github.ecrpromotion.core.ref.Digest;

/** A content-addressed blob (config or layer) of a synthetic image. */
public record Blob(String mediaType, byte[] bytes) {
    public Blob {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public Digest digest() {
        return Digest.sha256(bytes);
    }

    public int size() {
        return bytes.length;
    }
}
