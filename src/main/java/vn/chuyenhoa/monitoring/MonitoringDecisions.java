package vn.chuyenhoa.monitoring;

import java.util.ArrayList;
import java.util.List;

/** The monitoring DRL's global for one report: each reason's finding and the verdict, with the rules' names. */
public final class MonitoringDecisions {

    private final List<ReasonFinding> reasons = new ArrayList<>();
    private RelapseVerdict verdict;
    private String verdictRule;

    public ReasonFinding reason(ReasonCheck check, ReasonOutcome outcome, String rule) {
        ReasonFinding f = new ReasonFinding(check, outcome, rule);
        reasons.add(f);
        return f;
    }

    public void verdict(RelapseVerdict verdict, String rule) {
        if (this.verdict != null) throw new IllegalStateException("two verdict rules fired: " + verdictRule + " and " + rule);
        this.verdict = verdict;
        this.verdictRule = rule;
    }

    List<ReasonFinding> reasons() { return reasons; }

    RelapseVerdict verdict() { return verdict; }

    String verdictRule() { return verdictRule; }
}
