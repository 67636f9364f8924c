package hudson.security;

import org.jvnet.localizer.Localizable;

/**
 * Compile-only copy of the real {@code hudson.security.Permission} signature (Jenkins core 2.541.1).
 * The constructors store their arguments and add the permission to its group (no global registry), so a
 * plugin's permission constants load in plain unit tests; other members throw.
 */
public final class Permission {
    @SuppressWarnings("rawtypes")
    public final Class owner;
    public final PermissionGroup group;
    public final String name;
    public final Localizable description;
    public final Permission impliedBy;

    public Permission(PermissionGroup group, String name, Localizable description, Permission impliedBy,
            boolean enable, PermissionScope[] scopes) throws IllegalStateException {
        this.owner = group.owner;
        this.group = group;
        this.name = name;
        this.description = description;
        this.impliedBy = impliedBy;
        group.add(this);
    }

    public Permission(PermissionGroup group, String name, Localizable description, Permission impliedBy,
            PermissionScope scope) {
        this(group, name, description, impliedBy, true, new PermissionScope[] {scope});
    }

    /** As in Jenkins: the owner class name of the group, a dot, and the permission name. */
    public String getId() {
        return owner.getName() + '.' + name;
    }

    @Override
    public String toString() {
        return "Permission[" + owner + ',' + name + ']';
    }
}
