/**
 * The audit chain: every stored row (evaluations, ruleset actions, steps, accounts) is linked into one hash chain
 * before it takes effect, a head file outside the database pins its end, and the verifier, backups and restores read
 * it. Features keep their own stores and link their rows here; this package knows none of them.
 */
package vn.chuyenhoa.audit;
