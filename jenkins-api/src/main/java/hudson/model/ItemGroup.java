package hudson.model;

import java.util.List;
import org.springframework.security.access.AccessDeniedException;

/**
 * Compile-only copy of the real {@code hudson.model.ItemGroup} signature (Jenkins core 2.541.1).
 * surface:partial (used, never implemented by the plugin)
 */
public interface ItemGroup<T extends Item> {
    T getItem(String name) throws AccessDeniedException;

    default <T extends Item> List<T> getAllItems(Class<T> type) {
        throw new UnsupportedOperationException();
    }
}
