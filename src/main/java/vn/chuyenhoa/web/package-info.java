/**
 * Pages for people (auditors, policy staff, programme officers), server-rendered with Thymeleaf, Vietnamese first and
 * English with {@code ?lang=en}. Controllers are thin: they call the same services as the API in {@code api}, never
 * the API over HTTP. Everything that changes state is a POST form with a CSRF token, made by the signed-in person
 * whose name the layout shows (access.AccessConfig says which role reaches which page).
 */
package vn.chuyenhoa.web;
