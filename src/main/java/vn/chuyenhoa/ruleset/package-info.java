/**
 * Loads the rule files (DRL in {@code rules/}, decision tables in {@code decision-tables/}), builds them with Drools
 * into one immutable snapshot, maps build errors back to files, sheets and cells, versions them and keeps the active
 * snapshot.
 */
package vn.chuyenhoa.ruleset;
