package vn.chuyenhoa.monitoring;

import java.util.List;

import vn.chuyenhoa.kernel.Rulings;

/** The monitoring DRL's global for one report: each reason's finding and the verdict, with the rules' names. */
public final class MonitoringDecisions extends Rulings {

    public ReasonFinding reason(ReasonCheck check, ReasonOutcome outcome, String rule) {
        return decided(new ReasonFinding(check, outcome, rule));
    }

    public void verdict(RelapseVerdict verdict, String rule) {
        conclude("verdict", verdict, rule);
    }

    List<ReasonFinding> reasons() { return decided(ReasonFinding.class); }

    RelapseVerdict verdict() { return concluded("verdict", RelapseVerdict.class); }

    String verdictRule() { return ruleOf("verdict"); }
}
