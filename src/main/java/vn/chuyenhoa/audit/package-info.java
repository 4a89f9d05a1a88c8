/**
 * The audit store: every evaluation the service returned, with the rule set versions it was made with,
 * kept append-only in the database so auditors can read any verdict exactly as it was given.
 */
package vn.chuyenhoa.audit;
