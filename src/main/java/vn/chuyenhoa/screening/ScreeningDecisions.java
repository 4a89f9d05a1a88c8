package vn.chuyenhoa.screening;

import java.util.ArrayList;
import java.util.List;

/**
 * The screening DRL's global for one commune: collects what each rule decided, in firing order, with the rule's
 * name, so that every flag can say which rule raised it.
 */
public final class ScreeningDecisions {

    private final List<CheckResult> checks = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final List<TypeFinding> types = new ArrayList<>();
    private TypeFinding drugType;
    private String drugTypeRule;
    private Finding status;
    private String statusRule;

    public CheckResult check(Check check, ScreeningOutcome outcome, String rule) {
        CheckResult r = new CheckResult(check, outcome, rule);
        checks.add(r);
        return r;
    }

    public Finding assess(Assessment assessment, ScreeningOutcome outcome, String rule) {
        Finding f = new Finding(assessment, outcome, rule);
        findings.add(f);
        return f;
    }

    public TypeFinding type(TypeAssessment type, ScreeningOutcome outcome, String rule) {
        TypeFinding f = new TypeFinding(type, outcome, rule);
        types.add(f);
        return f;
    }

    /** @param type the most severe type met, or null when none is */
    public void drugType(TypeFinding type, String rule) {
        if (drugTypeRule != null) throw new IllegalStateException("two drug-type rules fired: " + drugTypeRule + " and " + rule);
        this.drugType = type;
        this.drugTypeRule = rule;
    }

    /** @param status the exclusion or carry-over that decides, or null when the commune stays a plain candidate */
    public void status(Finding status, String rule) {
        if (statusRule != null) throw new IllegalStateException("two status rules fired: " + statusRule + " and " + rule);
        this.status = status;
        this.statusRule = rule;
    }

    List<CheckResult> checks() { return checks; }

    List<Finding> findings() { return findings; }

    List<TypeFinding> types() { return types; }

    TypeFinding drugType() { return drugType; }

    String drugTypeRule() { return drugTypeRule; }

    Finding status() { return status; }

    String statusRule() { return statusRule; }
}
