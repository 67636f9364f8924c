package io.github.ecrpromotion.core.ref;

import io.github.ecrpromotion.core.InvalidInputException;
import java.util.regex.Pattern;

/**
 * An image tag, valid by the OCI distribution rule {@code [A-Za-z0-9_][A-Za-z0-9._-]{0,127}}.
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pulling-manifests">OCI distribution spec</a>
 */
public record Tag(String value) implements Comparable<Tag> {
    /** The OCI tag grammar. */
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");

    public Tag {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException("not a valid tag: " + value);
        }
    }

    /** Parses untrusted text. */
    public static Tag parse(String text) throws InvalidInputException {
        if (text == null || !PATTERN.matcher(text).matches()) {
            throw new InvalidInputException("Tried to read the tag '" + text + "' but failed because a tag must match "
                    + "[A-Za-z0-9_][A-Za-z0-9._-]{0,127} (letters, digits, '_', '.', '-'; at most 128 characters; "
                    + "not starting with '.' or '-')");
        }
        return new Tag(text);
    }

    /** For code that already knows the text is a valid tag. */
    public static Tag of(String text) {
        return new Tag(text);
    }

    @Override
    public int compareTo(Tag o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
