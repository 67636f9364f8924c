package io.github.ecrpromotion.core.ref;

import io.github.ecrpromotion.core.InvalidInputException;
import java.util.Objects;
import java.util.Optional;

/** One image inside a repository, named either by a tag or by a digest. */
public final class ImageRef {
    private final Tag tag;
    private final Digest digest;

    private ImageRef(Tag tag, Digest digest) {
        this.tag = tag;
        this.digest = digest;
    }

    public static ImageRef of(Tag tag) {
        return new ImageRef(Objects.requireNonNull(tag), null);
    }

    public static ImageRef of(Digest digest) {
        return new ImageRef(null, Objects.requireNonNull(digest));
    }

    /** Parses untrusted text: a digest when it contains ':', a tag otherwise. */
    public static ImageRef parse(String text) throws InvalidInputException {
        if (Digest.looksLikeDigest(text)) {
            return of(Digest.parse(text));
        }
        return of(Tag.parse(text));
    }

    public Optional<Tag> tag() {
        return Optional.ofNullable(tag);
    }

    public Optional<Digest> digest() {
        return Optional.ofNullable(digest);
    }

    public boolean isDigest() {
        return digest != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageRef r && Objects.equals(tag, r.tag) && Objects.equals(digest, r.digest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tag, digest);
    }

    @Override
    public String toString() {
        return tag != null ? tag.toString() : digest.toString();
    }
}
