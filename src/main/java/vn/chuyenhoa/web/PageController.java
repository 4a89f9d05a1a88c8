package vn.chuyenhoa.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a page controller that lives in its feature's package rather than here: {@link PageAdvice} gives its pages the
 * layout's model (language, caller, links) and answers its failures with the error page, as it does for this package.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface PageController {}
