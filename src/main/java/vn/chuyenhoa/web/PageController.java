package vn.chuyenhoa.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.stereotype.Controller;

/**
 * A page controller that lives with its feature (vn.chuyenhoa.evaluation, screening, …) rather than in this package:
 * it gets what every page shares ({@code PageAdvice}: language, signed-in user, error pages) while the API controllers
 * of the same package keep their problem-details answers.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {}
