package vn.chuyenhoa.screening;

import java.util.List;

import vn.chuyenhoa.kernel.Rulings;

/**
 * The screening DRL's global for one commune: what each rule decided, in firing order, with the rule's name, so that
 * every flag can say which rule raised it.
 */
public final class ScreeningDecisions extends Rulings {

    private static final String DRUG_TYPE = "drug-type", STATUS = "status";

    public CheckResult check(Check check, ScreeningOutcome outcome, String rule) {
        return decided(new CheckResult(check, outcome, rule));
    }

    public Finding assess(Assessment assessment, ScreeningOutcome outcome, String rule) {
        return decided(new Finding(assessment, outcome, rule));
    }

    public TypeFinding type(TypeAssessment type, ScreeningOutcome outcome, String rule) {
        return decided(new TypeFinding(type, outcome, rule));
    }

    /** @param type the most severe type met, or null when none is */
    public void drugType(TypeFinding type, String rule) {
        conclude(DRUG_TYPE, type, rule);
    }

    /** @param status the exclusion or carry-over that decides, or null when the commune stays a plain candidate */
    public void status(Finding status, String rule) {
        conclude(STATUS, status, rule);
    }

    List<CheckResult> checks() { return decided(CheckResult.class); }

    List<Finding> findings() { return decided(Finding.class); }

    List<TypeFinding> types() { return decided(TypeFinding.class); }

    TypeFinding drugType() { return concluded(DRUG_TYPE, TypeFinding.class); }

    String drugTypeRule() { return ruleOf(DRUG_TYPE); }

    Finding status() { return concluded(STATUS, Finding.class); }

    String statusRule() { return ruleOf(STATUS); }
}
