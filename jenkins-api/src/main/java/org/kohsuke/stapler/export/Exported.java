package org.kohsuke.stapler.export;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Compile-only copy of the real {@code org.kohsuke.stapler.export.Exported} signature (Stapler 2050). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
@Documented
public @interface Exported {
    int visibility() default 0;

    String name() default "";

    boolean inline() default false;

    String verboseMap() default "";

    boolean skipNull() default false;

    boolean merge() default false;
}
