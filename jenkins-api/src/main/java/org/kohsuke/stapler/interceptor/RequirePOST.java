package org.kohsuke.stapler.interceptor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Compile-only copy of the real {@code org.kohsuke.stapler.interceptor.RequirePOST} signature (Stapler): the web
 * method only accepts POST (with a CSRF crumb). The real meta-annotation {@code @InterceptorAnnotation} only
 * matters at run time, where the real class is used.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD})
public @interface RequirePOST {
}
