/**
 * The rules in force and their changes: loads the rule files (DRL in {@code rules/}, decision tables in
 * {@code decision-tables/}), checks and builds them with Drools into one immutable snapshot, maps build errors back to
 * files, sheets and cells, stores every version and action (upload, approval, activation, rollback) and keeps the
 * active snapshot; its API and pages are here too.
 */
package vn.chuyenhoa.ruleset;
