package vn.chuyenhoa.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.StatelessKieSession;

/**
 * Benchmark only: {@link Evaluator#judge} with one change at a time, to measure what a change to the product code
 * would gain before anyone makes it. Each variant must give the same judgement ({@code VariantsBench} checks).
 */
public final class EvaluatorVariants {

    private EvaluatorVariants() {}

    /**
     * @param pool          when not null, stateless sessions come from this pool ({@code KieBase.newKieSessionsPool}),
     *                      which resets and reuses the stateful session underneath instead of building a new one
     * @param identityOrder put the decisions in table order by the requirement's position, found by identity,
     *                      instead of sorting with {@code List.indexOf} (record equals) in the comparator
     */
    public static Judgement judge(Engine engine, EvaluationInput input, KieSessionsPool pool, boolean identityOrder) {
        ProfileChoice choice = Evaluator.chooseProfile(engine.policy(), input);
        List<Requirement> requirements = choice.profile().requirements();
        List<Object> measures = new ArrayList<>(requirements.size());
        for (int i = 0; i < requirements.size(); i++) measures.add(Evaluator.measure(requirements.get(i), i, input));

        Decisions decisions = new Decisions();
        StatelessKieSession session = pool != null ? pool.newStatelessKieSession() : engine.logic().newStatelessKieSession();
        session.setGlobal("decisions", decisions);
        session.execute(measures);

        if (decisions.all().size() != requirements.size() || decisions.verdict() == null) {
            throw new IllegalStateException("the rules decided " + decisions.all().size() + " of "
                    + requirements.size() + " criteria of " + choice.profile().id());
        }
        List<Decision> inTableOrder;
        if (identityOrder) {
            Decision[] slots = new Decision[requirements.size()];
            for (Decision d : decisions.all()) {
                Requirement r = d.measure().getRequirement();
                int i = 0;
                while (requirements.get(i) != r) i++;
                slots[i] = d;
            }
            inTableOrder = Arrays.asList(slots);
        } else {
            inTableOrder = new ArrayList<>(decisions.all());
            inTableOrder.sort(java.util.Comparator.comparingInt(d -> requirements.indexOf(d.measure().getRequirement())));
        }
        return new Judgement(choice, decisions.verdict(), decisions.verdictRule(), inTableOrder);
    }
}
