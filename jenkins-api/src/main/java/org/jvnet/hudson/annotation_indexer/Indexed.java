package org.jvnet.hudson.annotation_indexer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Compile-only copy of the real {@code org.jvnet.hudson.annotation_indexer.Indexed} signature (annotation-indexer,
 * not on Maven Central): marks an annotation whose uses are listed in
 * {@code META-INF/services/annotations/<annotation>}. The optional {@code validators()} element is left out.
 * That index is written by this jar's {@code io.github.ecrpromotion.jenkinsapi.processor.IndexedAnnotationProcessor}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface Indexed {
}
