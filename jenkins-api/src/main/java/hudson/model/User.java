package hudson.model;

/**
 * Compile-only copy of the real {@code hudson.model.User} signature (Jenkins core 2.541.1).
 * surface:partial (used, never extended by the plugin)
 */
public class User extends AbstractModelObject {
    private User() {
    }

    public static User current() {
        throw new UnsupportedOperationException();
    }

    public String getId() {
        throw new UnsupportedOperationException();
    }

    public String getFullName() {
        throw new UnsupportedOperationException();
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }
}
