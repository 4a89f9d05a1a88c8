package vn.chuyenhoa.evaluation;

import org.kie.api.KieBase;

/** One immutable ruleset version, ready to evaluate: its policy tables and the compiled DRL logic. */
public record Engine(String versionId, Policy policy, KieBase logic) {}
