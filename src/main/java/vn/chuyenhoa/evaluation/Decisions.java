package vn.chuyenhoa.evaluation;

import java.util.List;

import vn.chuyenhoa.kernel.Rulings;

/** The DRL's global for one evaluation: each criterion's decision and the verdict, in firing order. */
public final class Decisions extends Rulings {

    public Decision decide(Measure measure, Outcome outcome, String rule) {
        return decided(new Decision(measure, outcome, rule));
    }

    public void verdict(Verdict verdict, String rule) {
        conclude("verdict", verdict, rule);
    }

    List<Decision> all() { return decided(Decision.class); }

    Verdict verdict() { return concluded("verdict", Verdict.class); }

    String verdictRule() { return ruleOf("verdict"); }
}
