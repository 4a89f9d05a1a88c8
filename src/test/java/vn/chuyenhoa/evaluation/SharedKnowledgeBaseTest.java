package vn.chuyenhoa.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.MatchCreatedEvent;
import org.kie.api.runtime.StatelessKieSession;

import vn.chuyenhoa.support.ShippedRules;

/**
 * rules/screening.drl and rules/monitoring.drl are compiled into the knowledge base every evaluation runs on. Each of
 * their rules starts with a pattern on its own fact types, so an evaluation's facts never even activate one of them:
 * they cost an evaluation nothing but the type check of each inserted fact. Only the evaluation rules and the shared
 * rules of rules/conditions.drl, which decide each criterion, are activated.
 */
class SharedKnowledgeBaseTest {

    @Test
    void anEvaluationActivatesOnlyEvaluationRules() throws Exception {
        Engine engine = ShippedRules.engine();
        List<String> packages = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(7);
        for (Profile p : engine.policy().profiles()) {
            for (int i = 0; i < 20; i++) {
                EvaluationInput input = WarmUp.randomInput(random, p.id());
                List<Object> measures = new ArrayList<>();
                for (int k = 0; k < p.requirements().size(); k++) measures.add(Evaluator.measure(p.requirements().get(k), k, input));
                StatelessKieSession session = engine.logic().newStatelessKieSession();
                session.setGlobal("decisions", new Decisions());
                session.addEventListener(new DefaultAgendaEventListener() {
                    @Override
                    public void matchCreated(MatchCreatedEvent event) {
                        packages.add(event.getMatch().getRule().getPackageName());
                    }
                });
                session.execute(measures);
            }
        }
        assertTrue(packages.size() > 0, "the evaluation rules did fire");
        assertEquals(List.of("chuyenhoa.conditions", "chuyenhoa.evaluation"), packages.stream().distinct().sorted().toList());
    }
}
