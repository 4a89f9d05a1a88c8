package vn.chuyenhoa.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kie.api.runtime.StatelessKieSession;

import vn.chuyenhoa.kernel.Absences;

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
        StatelessKieSession session = engine.sessions().newStatelessKieSession();
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
        return ProfileChoice.byScope(p);
    }

    static Measure measure(Requirement r, int position, EvaluationInput input) {
        Map<Fact, Object> facts = input.facts();
        Absences absent = new Absences();
        Criterion c = r.criterion();
        boolean baselinePeriod = input.baselinePeriod() != null;
        return switch (c.kind()) {
            case RATE -> new Measure(r, position, count(facts, c.fact(), absent), count(facts, c.denominator(), absent),
                    null, baselinePeriod, absent.names());
            case COUNT -> new Measure(r, position, count(facts, c.fact(), absent), null, null, baselinePeriod, absent.names());
            case FLAG -> new Measure(r, position, null, null, absent.need((Boolean) facts.get(c.fact()), c.fact().jsonName()),
                    baselinePeriod, absent.names());
            case REDUCTION, BELOW_BASELINE -> {
                Long current = absent.sum(r.current(), f -> (Long) facts.get(f), Fact::jsonName);
                Long baseline = absent.sum(r.baseline(), f -> (Long) facts.get(f), Fact::jsonName);
                absent.need(baselinePeriod, "baselinePeriod");
                yield new Measure(r, position, current, baseline, null, baselinePeriod, absent.names());
            }
        };
    }

    private static Long count(Map<Fact, Object> facts, Fact fact, Absences absent) {
        return absent.need((Long) facts.get(fact), fact.jsonName());
    }
}
