package hudson.security;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.jvnet.localizer.Localizable;

/**
 * Compile-only copy of the real {@code hudson.security.PermissionGroup} signature (Jenkins core 2.541.1).
 * Constructors and the permission list work (without Jenkins' global registry) so tests can inspect a group.
 */
public final class PermissionGroup implements Iterable<Permission>, Comparable<PermissionGroup> {
    @SuppressWarnings("rawtypes")
    public final Class owner;
    public final Localizable title;
    private final String id;
    private final List<Permission> permissions = new ArrayList<>();

    @SuppressWarnings("rawtypes")
    public PermissionGroup(Class owner, Localizable title) throws IllegalStateException {
        this(owner.getName(), owner, title);
    }

    @SuppressWarnings("rawtypes")
    public PermissionGroup(String id, Class owner, Localizable title) throws IllegalStateException {
        this.id = id;
        this.owner = owner;
        this.title = title;
    }

    synchronized void add(Permission p) {
        permissions.add(p);
    }

    public String getId() {
        return id;
    }

    public synchronized List<Permission> getPermissions() {
        return Collections.unmodifiableList(new ArrayList<>(permissions));
    }

    @Override
    public Iterator<Permission> iterator() {
        return getPermissions().iterator();
    }

    public synchronized int size() {
        return permissions.size();
    }

    @Override
    public int compareTo(PermissionGroup that) {
        throw new UnsupportedOperationException();
    }
}
