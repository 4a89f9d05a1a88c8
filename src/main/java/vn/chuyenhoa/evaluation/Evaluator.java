package vn.chuyenhoa.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kie.api.runtime.StatelessKieSession;

/** Runs one evaluation on one ruleset version: picks the profile, feeds the measures in, lets the rules decide. */
public final class Evaluator {

    private Evaluator() {}

    /**
     * @throws IllegalArgumentException when the named profile is unknown or no profile covers the area on the period's
     *                                  end; the request validation reports both as bad input before this is reached
     */
    public static Judgement judge(Engine engine, EvaluationInput input) {
        ProfileChoice choice = chooseProfile(engine.policy(), input);
        List<Requirement> requirements = choice.profile().requirements();
        List<Object> measures = new ArrayList<>(requirements.size());
        for (int i = 0; i < requirements.size(); i++) measures.add(measure(requirements.get(i), i, input));

        Decisions decisions = new Decisions();
        StatelessKieSession session = engine.logic().newStatelessKieSession();
        session.setGlobal("decisions", decisions);
        session.execute(measures);

        if (decisions.all().size() != requirements.size() || decisions.verdict() == null) {
            // Every criterion must be decided exactly once; if the DRL leaves a gap, answering would be a guess.
            throw new IllegalStateException("the rules decided " + decisions.all().size() + " of "
                    + requirements.size() + " criteria of " + choice.profile().id() + " (verdict " + decisions.verdict() + ")");
        }
        // by the position each measure was fed in: comparing requirements by equality would walk whole records
        List<Decision> inTableOrder = new ArrayList<>(decisions.all());
        inTableOrder.sort(java.util.Comparator.comparingInt(d -> d.measure().position()));
        return new Judgement(choice, decisions.verdict(), decisions.verdictRule(), inTableOrder);
    }

    static ProfileChoice chooseProfile(Policy policy, EvaluationInput input) {
        if (input.profileId() != null) {
            return ProfileChoice.byCaller(policy.profile(input.profileId())
                    .orElseThrow(() -> new IllegalArgumentException("unknown profile " + input.profileId())));
        }
        Profile p = policy.resolve(input.area(), input.period().to())
                .orElseThrow(() -> new IllegalArgumentException("no profile covers " + input.period().to()));
        return ProfileChoice.byScope(p, input.area(), input.period());
    }

    static Measure measure(Requirement r, int position, EvaluationInput input) {
        Map<Fact, Object> facts = input.facts();
        List<String> missing = new ArrayList<>(2);
        Criterion c = r.criterion();
        return switch (c.kind()) {
            case RATE -> new Measure(r, position, count(facts, c.fact(), missing), count(facts, c.denominator(), missing),
                    null, input.baselinePeriod() != null, missing);
            case COUNT -> new Measure(r, position, count(facts, c.fact(), missing), null, null,
                    input.baselinePeriod() != null, missing);
            case FLAG -> {
                Boolean flag = (Boolean) facts.get(c.fact());
                if (flag == null) missing.add(c.fact().jsonName());
                yield new Measure(r, position, null, null, flag, input.baselinePeriod() != null, missing);
            }
            case REDUCTION, BELOW_BASELINE -> {
                Long current = sum(facts, r.current(), missing);
                Long baseline = sum(facts, r.baseline(), missing);
                if (input.baselinePeriod() == null) missing.add("baselinePeriod");
                yield new Measure(r, position, current, baseline, null, input.baselinePeriod() != null, missing);
            }
        };
    }

    private static Long count(Map<Fact, Object> facts, Fact fact, List<String> missing) {
        Long v = (Long) facts.get(fact);
        if (v == null) missing.add(fact.jsonName());
        return v;
    }

    private static Long sum(Map<Fact, Object> facts, List<Fact> parts, List<String> missing) {
        long total = 0;
        boolean complete = true;
        for (Fact f : parts) {
            Long v = (Long) facts.get(f);
            if (v == null) {
                missing.add(f.jsonName());
                complete = false;
            } else {
                total += v;
            }
        }
        return complete ? total : null;
    }
}
