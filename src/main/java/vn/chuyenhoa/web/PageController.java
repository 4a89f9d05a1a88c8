package vn.chuyenhoa.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.stereotype.Controller;

/**
 * A controller that answers with pages. Each feature keeps its pages beside its API; this mark is what gives them
 * {@link PageAdvice} (the language, the signed-in user, error pages instead of problem JSON) wherever they live.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {}
