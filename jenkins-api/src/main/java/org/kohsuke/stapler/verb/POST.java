package org.kohsuke.stapler.verb;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Compile-only copy of the real {@code org.kohsuke.stapler.verb.POST} signature (Stapler): the web method answers
 * POST only (Jenkins adds the CSRF crumb check). The real meta-annotation {@code @InterceptorAnnotation} only matters
 * at run time, where the real class is used.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface POST {
}
