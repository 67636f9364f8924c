package hudson;

import java.util.AbstractList;

/**
 * Compile-only copy of the real {@code hudson.ExtensionList} signature (Jenkins core 2.541.1).
 * surface:partial (used, never subclassed by the plugin)
 */
public class ExtensionList<T> extends AbstractList<T> {
    private ExtensionList() {
    }

    public static <T> ExtensionList<T> lookup(Class<T> type) {
        throw new UnsupportedOperationException();
    }

    public static <U> U lookupSingleton(Class<U> type) {
        throw new UnsupportedOperationException();
    }

    public <U extends T> U get(Class<U> type) {
        throw new UnsupportedOperationException();
    }

    @Override
    public T get(int index) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException();
    }
}
