package jenkins;

/** Compile-only copy of the real {@code jenkins.YesNoMaybe} signature (Jenkins core 2.541.1). */
public enum YesNoMaybe {
    YES,
    NO,
    MAYBE;

    public static Boolean toBoolean(YesNoMaybe v) {
        throw new UnsupportedOperationException();
    }

    public Boolean toBool() {
        throw new UnsupportedOperationException();
    }
}
