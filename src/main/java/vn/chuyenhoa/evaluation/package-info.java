/**
 * Evaluating an area against its criteria: the API (single and batch), the request reader, the stored evaluations
 * and their search, the pages and exports for auditors, and re-evaluation of stored requests under a draft ruleset.
 * Facts in, a stateless Drools session on the active ruleset, criterion results with their explanations and a verdict
 * out. The policy model (criteria, profiles, requirements) lives here because it is what the rules reason about; the
 * {@code ruleset} package builds it from the decision tables.
 */
package vn.chuyenhoa.evaluation;
