package hudson.model;

/** Compile-only copy of the real {@code hudson.model.ModelObject} signature (Jenkins core 2.541.1). */
public interface ModelObject {
    String getDisplayName();
}
