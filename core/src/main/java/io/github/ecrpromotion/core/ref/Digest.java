package io.github.ecrpromotion.core.ref;

import io.github.ecrpromotion.core.InvalidInputException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A content digest, {@code sha256:<64 lower-case hex>}: the identity of a manifest. */
public record Digest(String hex) implements Comparable<Digest> {
    private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-f]{64}");

    public Digest {
        if (hex == null || hex.length() != 64 || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException("not a sha256 hex digest: " + hex);
        }
    }

    /** Parses untrusted text such as {@code sha256:749a...}. */
    public static Digest parse(String text) throws InvalidInputException {
        if (text == null || !SHA256.matcher(text).matches()) {
            throw new InvalidInputException("Tried to read the digest '" + text
                    + "' but failed because a digest must be 'sha256:' followed by 64 lower-case hex digits");
        }
        return new Digest(text.substring("sha256:".length()));
    }

    /** For code that already knows the text is a digest. */
    public static Digest of(String text) {
        if (text == null || !text.startsWith("sha256:")) {
            throw new IllegalArgumentException("not a sha256 digest: " + text);
        }
        return new Digest(text.substring("sha256:".length()));
    }

    /** Whether the text looks like a digest reference rather than a tag. */
    public static boolean looksLikeDigest(String text) {
        return text != null && text.contains(":");
    }

    /** The sha256 digest of exactly these bytes. */
    public static Digest sha256(byte[] bytes) {
        try {
            return new Digest(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The first 12 hex digits, for short human output. */
    public String shortForm() {
        return "sha256:" + hex.substring(0, 12);
    }

    @Override
    public int compareTo(Digest o) {
        return hex.compareTo(o.hex);
    }

    @Override
    public String toString() {
        return "sha256:" + hex;
    }
}
