package vn.chuyenhoa.web;

/** One refusal shown beside a form's field, in both languages; {@code field} names the input it belongs to. */
public record FormError(String field, String vi, String en) {}
