package vn.chuyenhoa.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;

import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.kernel.Condition;

/**
 * Screens one commune on one ruleset version: picks the table rows that apply to its province, feeds them in with
 * the commune's facts, and lets {@code rules/screening.drl} decide.
 */
final class Screener {

    /** The DRL package of rules/screening.drl. */
    static final String RULES_PACKAGE = "chuyenhoa.screening";

    // The evaluation rules share the knowledge base; some of them (the verdict rules) need no fact to activate and
    // would fire on an empty evaluation global. Only this package's rules, and the shared rules that decide each
    // condition, may fire in a screening session.
    private static final AgendaFilter OWN_RULES = match -> RULES_PACKAGE.equals(match.getRule().getPackageName())
            || Condition.RULES_PACKAGE.equals(match.getRule().getPackageName());

    private Screener() {}

    /**
     * Whether the ruleset has the screening rules: a version stored before they existed, served as a fallback after a
     * rejected edit, has not, and must be answered as unavailable rather than fail.
     */
    public static boolean available(Engine engine) {
        return engine.logic().getKiePackage(RULES_PACKAGE) != null;
    }

    public static CommuneJudgement judge(Engine engine, String codeScheme, String provinceCode, Candidate candidate) {
        ScreeningPolicy policy = ScreeningPolicy.of(engine.policy());
        List<Object> facts = new ArrayList<>();
        int expectedChecks = 0;
        for (Category c : policy.categories()) {
            expectedChecks += add(facts, Assessment.category(c, policy.indicatorsFor(codeScheme, provinceCode, c)), candidate);
        }
        Map<String, List<DrugCriterionRow>> criteria = policy.drugCriteriaById();
        for (Map.Entry<String, List<DrugCriterionRow>> e : criteria.entrySet()) {
            expectedChecks += add(facts, Assessment.drugCriterion(e.getKey(), e.getValue()), candidate);
        }
        for (DrugType t : policy.drugTypes()) {
            int n = (int) criteria.values().stream().filter(rows -> rows.get(0).typeId().equals(t.id())).count();
            facts.add(new TypeAssessment(t, n));
        }
        for (StatusRule s : policy.statuses()) {
            expectedChecks += add(facts, Assessment.status(s), candidate);
        }
        facts.add(new ScreeningCase(policy.drugTypes().size(), policy.statuses().size()));
        int expectedGroups = policy.categories().size() + criteria.size() + policy.statuses().size();

        ScreeningDecisions decisions = new ScreeningDecisions();
        KieSession session = engine.logic().newKieSession();
        try {
            session.setGlobal("screening", decisions);
            for (Object f : facts) session.insert(f);
            session.fireAllRules(OWN_RULES);
        } finally {
            session.dispose();
        }
        if (decisions.checks().size() != expectedChecks || decisions.findings().size() != expectedGroups
                || decisions.types().size() != policy.drugTypes().size() || decisions.drugTypeRule() == null
                || decisions.statusRule() == null) {
            // every condition, group and type must be decided exactly once; if the DRL leaves a gap, answering
            // would be a guess
            throw new IllegalStateException("the screening rules decided " + decisions.checks().size() + "/" + expectedChecks
                    + " conditions, " + decisions.findings().size() + "/" + expectedGroups + " groups, "
                    + decisions.types().size() + "/" + policy.drugTypes().size() + " types for " + candidate.area().code());
        }
        List<Finding> findings = new ArrayList<>(decisions.findings());
        findings.sort(Comparator.comparingInt(f -> facts.indexOf(f.assessment())));
        List<CheckResult> checks = new ArrayList<>(decisions.checks());
        checks.sort(Comparator.comparingInt(c -> facts.indexOf(c.check())));
        List<TypeFinding> types = new ArrayList<>(decisions.types());
        types.sort(Comparator.comparingInt((TypeFinding t) -> t.getSeverity()).reversed());
        return new CommuneJudgement(candidate, List.copyOf(checks), List.copyOf(findings), List.copyOf(types),
                decisions.drugType(), decisions.drugTypeRule(), decisions.status(), decisions.statusRule());
    }

    private static int add(List<Object> facts, Assessment a, Candidate candidate) {
        facts.add(a);
        for (ConditionRow row : a.rows()) facts.add(new Check(a, row, candidate));
        return a.rows().size();
    }
}
