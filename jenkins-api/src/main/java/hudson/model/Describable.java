package hudson.model;

/** Compile-only copy of the real {@code hudson.model.Describable} signature (Jenkins core 2.541.1). */
public interface Describable<T extends Describable<T>> {
    default Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException();
    }
}
