package vn.chuyenhoa.monitoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.kernel.Condition;

/** Judges one monitoring report on one ruleset version: picks the rows of its profiles, lets the DRL decide. */
public final class Monitor {

    /** The DRL package of rules/monitoring.drl. */
    static final String RULES_PACKAGE = "chuyenhoa.monitoring";

    // ours, and the shared rules that decide each condition
    private static final Set<String> OWN_RULES = Set.of(RULES_PACKAGE, Condition.RULES_PACKAGE);

    private Monitor() {}

    /** Whether the ruleset has the monitoring rules (a version stored before they existed has not). */
    public static boolean available(Engine engine) {
        return engine.has(RULES_PACKAGE);
    }

    /**
     * @throws IllegalArgumentException when no profile or no window covers the report; the request validation
     *                                  reports both as bad input before this is reached
     */
    public static MonitoringJudgement judge(Engine engine, MonitoringInput input) {
        RelapsePolicy policy = RelapsePolicy.of(engine.policy());
        ProfileChain chain = ProfileChain.of(engine.policy(), input.scopeArea(), input.recognisedOn(),
                input.report().profileId()).orElseThrow(() -> new IllegalArgumentException("no profile covers the report"));
        RelapseSettings window = policy.settingsFor(chain.ids())
                .orElseThrow(() -> new IllegalArgumentException("no monitoring window for " + chain.ids()));
        Window w = Window.after(input.recognisedOn(), window.monitoringWindowYears());
        LocalDate windowEnd = w.last();
        List<RelapseReason> reasons = policy.reasonsFor(chain.ids());

        List<ReasonCheck> checks = reasons.stream().map(r -> new ReasonCheck(r, input)).toList();
        MonitoringDecisions decisions = new MonitoringDecisions();
        List<Object> facts = new ArrayList<>(checks);
        facts.add(0, new MonitoringCase(input.report().period().to(), windowEnd, checks.size()));
        engine.fire(OWN_RULES, "monitoring", decisions, facts);
        boolean outside = decisions.verdict() == RelapseVerdict.OUTSIDE_WINDOW;
        if (decisions.verdict() == null || (!outside && decisions.reasons().size() != checks.size())) {
            // every reason must be decided once and one verdict given; a gap in the DRL must not become an answer
            throw new IllegalStateException("the monitoring rules decided " + decisions.reasons().size() + " of "
                    + checks.size() + " reasons (verdict " + decisions.verdict() + ")");
        }
        List<ReasonFinding> inTableOrder = new ArrayList<>(decisions.reasons());
        inTableOrder.sort(Comparator.comparingInt(f -> checks.indexOf(f.check())));
        return new MonitoringJudgement(input, chain, window, w.from(), windowEnd,
                List.copyOf(inTableOrder), decisions.verdict(), decisions.verdictRule());
    }
}
