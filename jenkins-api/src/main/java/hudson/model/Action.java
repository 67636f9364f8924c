package hudson.model;

/**
 * Compile-only copy of the real {@code hudson.model.Action} signature (Jenkins core 2.541.1; the default
 * methods getDescription/getEvent/getGroup/getSemantic/isVisibleInContextMenu exist only from 2.568.x).
 */
public interface Action extends ModelObject {
    String getIconFileName();

    @Override
    String getDisplayName();

    String getUrlName();
}
