/**
 * What an operator watches: metrics beyond the counters each feature keeps where its work is done (the evaluation
 * store's write queue, the version in force, impact jobs), and the one statement a start that cannot sign in to its
 * database ends with ({@link vn.chuyenhoa.operations.DatabaseSignIn}). Reads features' state; no feature depends on
 * it. (The log line per request that writes is {@code access.WriteLog}: it needs the caller the security chain found.)
 */
package vn.chuyenhoa.operations;
