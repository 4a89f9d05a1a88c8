/**
 * Facts in, a stateless Drools session on the active ruleset, criterion results with their explanations and a
 * verdict out. The policy model (criteria, profiles, requirements) lives here because it is what the rules reason
 * about; the {@code ruleset} package builds it from the decision tables.
 */
package vn.chuyenhoa.evaluation;
