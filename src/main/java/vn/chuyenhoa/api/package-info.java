/** HTTP endpoints, request/response records and problem details of the evaluation API. */
package vn.chuyenhoa.api;
