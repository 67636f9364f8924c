package org.jenkinsci;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jvnet.hudson.annotation_indexer.Indexed;

/**
 * Compile-only copy of the real {@code org.jenkinsci.Symbol} signature (symbol-annotation 1.25, shipped with
 * core): the short name of a describable in Pipeline / JCasC (e.g. the global configuration's {@code ecrPromotion}).
 */
@Indexed
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Documented
public @interface Symbol {
    String[] value();
}
