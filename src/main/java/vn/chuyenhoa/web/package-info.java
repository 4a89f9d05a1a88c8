/**
 * What every page shares, and nothing a feature owns: the layout's model (language, signed-in person, the same page
 * in the other language), the error pages instead of problem JSON ({@link vn.chuyenhoa.web.PageAdvice}, given to
 * every {@link vn.chuyenhoa.web.PageController}), forms judged by the API's own reader ({@link vn.chuyenhoa.web.FormJson}),
 * the JSON upload form, and what a page makes of a submission's answer ({@link vn.chuyenhoa.web.SubmissionPages}). Each feature keeps its page controllers beside its API controllers and services; pages are
 * server-rendered with Thymeleaf from {@code src/main/resources/templates}, Vietnamese first and English with
 * {@code ?lang=en}. Everything that changes state is a POST form with a CSRF token.
 */
package vn.chuyenhoa.web;
