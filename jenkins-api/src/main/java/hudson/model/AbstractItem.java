package hudson.model;

import hudson.security.ACL;

/**
 * Compile-only copy of the real {@code hudson.model.AbstractItem} signature (Jenkins core 2.541.1).
 * surface:partial (superclass of Job; never extended by the plugin)
 */
public abstract class AbstractItem extends Actionable implements Item {
    /** Package-private: only the surface's {@code Job} extends it (the real constructor takes a parent and a name). */
    AbstractItem() {
    }

    @Override
    public ItemGroup getParent() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public final String getFullName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    public final String getFullDisplayName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public final String getUrl() {
        throw new UnsupportedOperationException();
    }

    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException();
    }
}
