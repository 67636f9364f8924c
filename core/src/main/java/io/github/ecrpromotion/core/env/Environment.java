package io.github.ecrpromotion.core.env;

import io.github.ecrpromotion.core.InvalidInputException;
import io.github.ecrpromotion.core.buildtag.BuildTag;
import io.github.ecrpromotion.core.ref.Tag;

/** A deployment environment such as {@code testing}; its name is the environment tag that points at the image there. */
public record Environment(String name) {
    public Environment {
        if (name == null || !Tag.PATTERN.matcher(name).matches() || BuildTag.isBuildTag(Tag.of(name))) {
            throw new IllegalArgumentException("not a valid environment name: " + name);
        }
    }

    /** Parses untrusted text: the name must be a valid tag and must not look like a build tag. */
    public static Environment parse(String text) throws InvalidInputException {
        Tag tag;
        try {
            tag = Tag.parse(text);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("Tried to read the environment name '" + text
                    + "' but failed because an environment name is used as a tag and must match [A-Za-z0-9_][A-Za-z0-9._-]{0,127}", e);
        }
        if (BuildTag.isBuildTag(tag)) {
            throw new InvalidInputException("Tried to read the environment name '" + text
                    + "' but failed because it starts with a build-tag timestamp, so it would be mistaken for a build tag");
        }
        return new Environment(text);
    }

    public static Environment of(String name) {
        return new Environment(name);
    }

    /** The environment tag. */
    public Tag tag() {
        return Tag.of(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
