package vn.chuyenhoa.evaluation;

import java.util.ArrayList;
import java.util.List;

/** The DRL's global for one evaluation: collects each criterion's decision and the verdict, in firing order. */
public final class Decisions {

    private final List<Decision> decisions = new ArrayList<>(16);
    private Verdict verdict;
    private String verdictRule;

    public Decision decide(Measure measure, Outcome outcome, String rule) {
        Decision d = new Decision(measure, outcome, rule);
        decisions.add(d);
        return d;
    }

    public void verdict(Verdict verdict, String rule) {
        if (this.verdict != null) {
            throw new IllegalStateException("two verdict rules fired: " + verdictRule + " and " + rule);
        }
        this.verdict = verdict;
        this.verdictRule = rule;
    }

    List<Decision> all() { return decisions; }

    Verdict verdict() { return verdict; }

    String verdictRule() { return verdictRule; }
}
