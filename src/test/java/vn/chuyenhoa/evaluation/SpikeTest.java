package vn.chuyenhoa.evaluation;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.chuyenhoa.ruleset.RuleFiles;
import vn.chuyenhoa.ruleset.RulesetBuilder;
import vn.chuyenhoa.ruleset.RulesetSnapshot;

class SpikeTest {
    @Test
    void spike() throws Exception {
        long t0 = System.nanoTime();
        RulesetSnapshot s = RulesetBuilder.build(RuleFiles.read(Path.of(""), List.of("rules", "decision-tables")), "DISK");
        System.out.println("build ms " + (System.nanoTime() - t0) / 1e6 + " version " + s.versionId());
        s.engine().policy().profiles().forEach(p -> System.out.println(p.id() + " " + p.scope() + " " + p.requirements().size() + " " + p.source()));
        Map<Fact, Object> f = new EnumMap<>(Fact.class);
        f.put(Fact.TIPS_RECEIVED, 41L); f.put(Fact.TIPS_RESOLVED, 41L); f.put(Fact.POLITICAL_SYSTEM_CONSOLIDATED, true);
        f.put(Fact.EFFECTIVE_MODELS, 2L); f.put(Fact.COMMUNITY_RULES_MAINTAINED, true); f.put(Fact.HOUSEHOLDS_TOTAL, 3120L);
        f.put(Fact.HOUSEHOLDS_INFORMED, 3120L); f.put(Fact.ORGANIZED_CRIME_SIGNS, false); f.put(Fact.CASES_OCCURRED, 13L);
        f.put(Fact.CASES_CLEARED, 10L); f.put(Fact.SERIOUS_CASES_PROSECUTED, 2L); f.put(Fact.SERIOUS_CASES_CLEARED, 2L);
        f.put(Fact.RELEASED_RESIDENTS, 27L); f.put(Fact.RELEASED_REOFFENDED, 3L); f.put(Fact.CRIMES_BASELINE, 19L);
        f.put(Fact.CRIMES_CURRENT, 13L); f.put(Fact.SOCIAL_EVILS_BASELINE, 9L);
        EvaluationInput in = new EvaluationInput(new Area("QD124_2004", "07795", "Phường Nếnh", "222", "24"), null,
                new Period(LocalDate.parse("2024-03-15"), LocalDate.parse("2024-12-12")),
                new Period(LocalDate.parse("2023-03-15"), LocalDate.parse("2023-12-12")), f);
        Judgement j = Evaluator.judge(s.engine(), in);
        System.out.println(j.verdict() + " " + j.verdictRule() + " " + j.profile().reasonVi());
        Explanations.render(j).forEach(System.out::println);
        System.out.println(Explanations.missingFacts(j));
    }
}
