package io.github.ecrpromotion.core.registry;

import io.github.ecrpromotion.core.ref.Digest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A manifest exactly as the registry stored it: bytes, media type and the sha256 of those bytes. It is never
 * re-serialised, so writing it under another tag keeps the image's digest.
 */
public final class RawManifest {
    private final byte[] bytes;
    private final String mediaType;
    private final Digest digest;

    private RawManifest(byte[] bytes, String mediaType) {
        this.bytes = bytes.clone();
        this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
        this.digest = Digest.sha256(this.bytes);
    }

    /** The manifest for these exact bytes. */
    public static RawManifest of(byte[] bytes, String mediaType) {
        return new RawManifest(bytes, mediaType);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** The bytes as UTF-8 text (ECR's PutImage takes the manifest as a string). */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public String mediaType() {
        return mediaType;
    }

    /** sha256 of the bytes: what the registry must report for them. */
    public Digest digest() {
        return digest;
    }

    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawManifest m && Arrays.equals(bytes, m.bytes) && mediaType.equals(m.mediaType);
    }

    @Override
    public int hashCode() {
        return digest.hashCode();
    }

    @Override
    public String toString() {
        return mediaType + " " + digest + " (" + bytes.length + " bytes)";
    }
}
