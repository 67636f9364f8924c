package hudson.model;

/**
 * Compile-only copy of the real {@code hudson.model.Api} signature (Jenkins core 2.541.1): the {@code api/json},
 * {@code api/xml} endpoints of an {@code @ExportedBean}.
 * surface:partial (used, never extended by the plugin)
 */
public class Api extends AbstractModelObject {
    /** The object whose {@code @Exported} properties are served. */
    public final Object bean;

    public Api(Object bean) {
        this.bean = bean;
        throw new UnsupportedOperationException();
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    public String getSearchUrl() {
        throw new UnsupportedOperationException();
    }
}
