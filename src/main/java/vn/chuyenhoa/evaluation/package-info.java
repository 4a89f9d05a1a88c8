/**
 * Evaluating an area against its criteria: the API (single and batch), the request reader, the stored evaluations
 * and their search, the pages and exports for auditors, and re-evaluation of stored requests under a draft ruleset.
 * Facts in, a stateless Drools session on the active ruleset, criterion results with their explanations and a verdict
 * out. The policy model (criteria, profiles, requirements) lives here because it is what the rules reason about; the
 * {@code ruleset} package builds it from the decision tables. Screening and monitoring build on what is here: the
 * engine in force ({@link vn.chuyenhoa.evaluation.Engine}, {@link vn.chuyenhoa.evaluation.EngineSource}), the facts
 * and their form rows ({@link vn.chuyenhoa.evaluation.Fact}, {@link vn.chuyenhoa.evaluation.FactForms}) and the
 * reading of a request's area ({@link vn.chuyenhoa.evaluation.Requests}).
 */
package vn.chuyenhoa.evaluation;
