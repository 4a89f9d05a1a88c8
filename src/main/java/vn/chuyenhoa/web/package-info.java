/**
 * Pages for people (auditors, policy staff, programme officers), server-rendered with Thymeleaf, Vietnamese first and
 * English with {@code ?lang=en}. Controllers are thin: they call the same services as the API in {@code api}, never
 * the API over HTTP. Everything that changes state is a POST form, so that form login and CSRF tokens can be added
 * without changing a page's shape; the layout has a place for the signed-in user's name.
 */
package vn.chuyenhoa.web;
