/**
 * What every HTTP endpoint shares in reading a request: the strict JSON reader ({@link vn.chuyenhoa.http.JsonReader}
 * over {@link vn.chuyenhoa.http.JsonBody}), its one result type ({@link vn.chuyenhoa.http.Parsed}) and the field error
 * a 400 problem lists ({@link vn.chuyenhoa.http.FieldError}). Knows no feature: features read their requests with it.
 */
package vn.chuyenhoa.http;
