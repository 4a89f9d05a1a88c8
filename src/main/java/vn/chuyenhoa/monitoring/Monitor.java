package vn.chuyenhoa.monitoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;

import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.kernel.Condition;

/** Judges one monitoring report on one ruleset version: picks the rows of its profiles, lets the DRL decide. */
public final class Monitor {

    /** The DRL package of rules/monitoring.drl. */
    static final String RULES_PACKAGE = "chuyenhoa.monitoring";

    // The evaluation rules share the knowledge base and some need no fact to activate: only ours, and the shared
    // rules that decide each condition, may fire here.
    private static final AgendaFilter OWN_RULES = match -> RULES_PACKAGE.equals(match.getRule().getPackageName())
            || Condition.RULES_PACKAGE.equals(match.getRule().getPackageName());

    private Monitor() {}

    /** Whether the ruleset has the monitoring rules (a version stored before they existed has not). */
    public static boolean available(Engine engine) {
        return engine.logic().getKiePackage(RULES_PACKAGE) != null;
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
        KieSession session = engine.sessions().newKieSession();
        try {
            session.setGlobal("monitoring", decisions);
            session.insert(new MonitoringCase(input.report().period().to(), windowEnd, checks.size()));
            checks.forEach(session::insert);
            session.fireAllRules(OWN_RULES);
        } finally {
            session.dispose();
        }
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
