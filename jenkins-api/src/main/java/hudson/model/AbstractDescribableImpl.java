package hudson.model;

/**
 * Compile-only copy of the real {@code hudson.model.AbstractDescribableImpl} signature (Jenkins core 2.541.1;
 * deprecated there, but still the real superclass of {@code Step}).
 */
@Deprecated
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {
}
