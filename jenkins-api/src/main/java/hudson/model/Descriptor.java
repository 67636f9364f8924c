package hudson.model;

import net.sf.json.JSONObject;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * Compile-only copy of the real {@code hudson.model.Descriptor} signature (Jenkins core 2.541.1).
 * The constructors only set {@link #clazz} and {@link #load()}/{@link #save()} do nothing, so descriptors and
 * global configurations can be instantiated in plain unit tests; everything else throws.
 */
public abstract class Descriptor<T extends Describable<T>> {
    public final transient Class<? extends T> clazz;

    @SuppressWarnings("unchecked")
    protected Descriptor() {
        // as in Jenkins: the describable is the enclosing class of a nested DescriptorImpl
        this.clazz = (Class<? extends T>) getClass().getEnclosingClass();
    }

    @SuppressWarnings("unchecked")
    protected Descriptor(Class<? extends T> clazz) {
        // as in Jenkins: self() stands for "this descriptor's own class" (a describable that is its own descriptor)
        this.clazz = (Object) clazz == Self.class ? (Class<? extends T>) getClass() : clazz;
    }

    /** Marker for {@link #self()}. */
    private static final class Self {
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    protected static Class self() {
        return Self.class;
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    public String getId() {
        throw new UnsupportedOperationException();
    }

    public T newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
        throw new UnsupportedOperationException();
    }

    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        throw new UnsupportedOperationException();
    }

    public final String getDescriptorFullUrl() {
        throw new UnsupportedOperationException();
    }

    public final String getJsonSafeClassName() {
        throw new UnsupportedOperationException();
    }

    public final boolean isInstance(T instance) {
        throw new UnsupportedOperationException();
    }

    @SuppressWarnings("rawtypes")
    public final boolean isSubTypeOf(Class type) {
        throw new UnsupportedOperationException();
    }

    protected final String getViewPage(Class<?> clazz, String pageName) {
        throw new UnsupportedOperationException();
    }

    /** No-op in the surface (Jenkins reads the descriptor's XML file here). */
    public void load() {
    }

    /** No-op in the surface (Jenkins writes the descriptor's XML file here). */
    public void save() {
    }

    /**
     * Compile-only copy of the real {@code hudson.model.Descriptor.FormException} signature. It keeps the field, as
     * Jenkins does, so a test can check which field a refused form points at.
     */
    public static final class FormException extends Exception implements HttpResponse {
        private final String formField;

        public FormException(String message, String formField) {
            super(message);
            this.formField = formField;
        }

        public FormException(String message, Throwable cause, String formField) {
            super(message, cause);
            this.formField = formField;
        }

        public FormException(Throwable cause, String formField) {
            super(cause);
            this.formField = formField;
        }

        public String getFormField() {
            return formField;
        }
    }
}
