/**
 * What every HTTP endpoint shares and no feature owns: the strict JSON reader ({@link vn.chuyenhoa.http.JsonReader}
 * over {@link vn.chuyenhoa.http.JsonBody}), its one result type ({@link vn.chuyenhoa.http.Parsed}) and the field error
 * a 400 problem lists ({@link vn.chuyenhoa.http.FieldError}); problem details ({@link vn.chuyenhoa.http.Problems}) and
 * the guards that make every refusal one (the advice, the request guard, the container's own errors); the OpenAPI
 * description's shared parts. Features read their requests and answer their refusals with it.
 */
package vn.chuyenhoa.http;
