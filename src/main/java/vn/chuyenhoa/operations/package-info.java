/**
 * What an operator watches: metrics beyond the counters each feature keeps where its work is done (the evaluation
 * store's write queue, the version in force, impact jobs), and one log line per request that writes. Reads features'
 * state; no feature depends on it.
 */
package vn.chuyenhoa.operations;
