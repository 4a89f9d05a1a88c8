package vn.chuyenhoa.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.kernel.Condition;

/**
 * Screens one commune on one ruleset version: picks the table rows that apply to its province, feeds them in with
 * the commune's facts, and lets {@code rules/screening.drl} decide.
 */
final class Screener {

    /** The DRL package of rules/screening.drl. */
    static final String RULES_PACKAGE = "chuyenhoa.screening";

    // this package's rules, and the shared rules that decide each condition
    private static final Set<String> OWN_RULES = Set.of(RULES_PACKAGE, Condition.RULES_PACKAGE);

    private Screener() {}

    /**
     * Whether the ruleset has the screening rules: a version stored before they existed, served as a fallback after a
     * rejected edit, has not, and must be answered as unavailable rather than fail.
     */
    public static boolean available(Engine engine) {
        return engine.has(RULES_PACKAGE);
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
        engine.fire(OWN_RULES, "screening", decisions, facts);
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
