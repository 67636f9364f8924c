package hudson;

/** Compile-only copy of the real {@code hudson.ExtensionPoint} marker interface (Jenkins core 2.541.1). */
public interface ExtensionPoint {
}
