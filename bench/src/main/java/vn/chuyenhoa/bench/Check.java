package vn.chuyenhoa.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.kernel.Area;
import vn.chuyenhoa.evaluation.Decision;
import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.evaluation.EvaluationInput;
import vn.chuyenhoa.evaluation.Evaluator;
import vn.chuyenhoa.evaluation.Explanations;
import vn.chuyenhoa.evaluation.Fact;
import vn.chuyenhoa.evaluation.HandCoded;
import vn.chuyenhoa.evaluation.Judgement;
import vn.chuyenhoa.kernel.Period;
import vn.chuyenhoa.evaluation.Profile;

/**
 * Before anything is timed: the hand-coded yardstick must answer exactly as the Drools path does — same verdict, same
 * outcomes and rule names, byte-identical explanations and missing facts — on the benchmark requests and on random
 * inputs that reach every branch (zeros, absent facts, no baseline period). A faster wrong answer is no yardstick.
 */
public final class Check {

    public static void main(String[] args) {
        int random = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Engine engine = Workload.engine();
        HandCoded hand = new HandCoded(engine.policy());
        List<EvaluationInput> inputs = new ArrayList<>();
        for (Workload.Request r : Workload.requests(engine, AreaDirectory.loadBundled())) inputs.add(r.input());
        int fixed = inputs.size();
        SplittableRandom rnd = new SplittableRandom(7);
        List<Profile> profiles = engine.policy().profiles();
        for (int i = 0; i < random; i++) inputs.add(randomInput(rnd, profiles.get(i % profiles.size()).id()));

        int[] verdicts = new int[3];
        java.util.Set<String> rules = new java.util.TreeSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            EvaluationInput in = inputs.get(i);
            Judgement d = Evaluator.judge(engine, in), h = hand.judge(in);
            String what = i < fixed ? "benchmark request " + i : "random input " + (i - fixed) + " " + in;
            same(what + ": verdict", d.verdict(), h.verdict());
            same(what + ": verdict rule", d.verdictRule(), h.verdictRule());
            same(what + ": profile", d.profile(), h.profile());
            same(what + ": number of decisions", d.decisions().size(), h.decisions().size());
            for (int k = 0; k < d.decisions().size(); k++) {
                Decision a = d.decisions().get(k), b = h.decisions().get(k);
                same(what + ": criterion " + k, a.measure().getRequirement(), b.measure().getRequirement());
                same(what + ": outcome of " + a.measure().getRequirement().id(), a.outcome(), b.outcome());
                same(what + ": rule of " + a.measure().getRequirement().id(), a.rule(), b.rule());
                rules.add(a.rule());
            }
            same(what + ": explanations", Explanations.render(d), Explanations.render(h));
            same(what + ": missing facts", Explanations.missingFacts(d), Explanations.missingFacts(h));
            verdicts[d.verdict().ordinal()]++;
            rules.add(d.verdictRule());
        }
        // the evaluation's own package: screening, monitoring and lifecycle rules share the KieBase but not this path
        long drlRules = engine.logic().getKiePackages().stream().filter(p -> p.getName().equals("chuyenhoa.evaluation"))
                .mapToLong(p -> p.getRules().size()).sum();
        if (rules.size() != drlRules) {
            throw new AssertionError("only " + rules.size() + " of the " + drlRules + " DRL rules were reached: " + rules);
        }
        System.out.printf("check: hand-coded = Drools on %d benchmark requests and %d random inputs"
                + " (TRANSFORMED %d, NOT_TRANSFORMED %d, INSUFFICIENT_DATA %d; all %d DRL rules fired)%n",
                fixed, random, verdicts[0], verdicts[1], verdicts[2], rules.size());
    }

    private static void same(String what, Object drools, Object hand) {
        if (!Objects.equals(drools, hand)) {
            throw new AssertionError(what + " differs:\n  Drools:     " + drools + "\n  hand-coded: " + hand);
        }
    }

    /** Facts around the thresholds so that every outcome comes up: zeros, exact boundaries, absences. */
    static EvaluationInput randomInput(SplittableRandom r, String profileId) {
        Map<Fact, Object> facts = new EnumMap<>(Fact.class);
        for (Fact f : Fact.values()) {
            if (r.nextInt(12) == 0) continue;
            if (f.type() == Fact.Type.FLAG) {
                facts.put(f, r.nextBoolean());
            } else {
                int shape = r.nextInt(4);
                facts.put(f, (long) (shape == 0 ? 0 : shape == 1 ? r.nextInt(5) : shape == 2 ? r.nextInt(25) : r.nextInt(2000)));
            }
        }
        // parts no larger than their whole most of the time, as valid requests are, sometimes equal
        part(r, facts, Fact.TIPS_RESOLVED, Fact.TIPS_RECEIVED);
        part(r, facts, Fact.HOUSEHOLDS_INFORMED, Fact.HOUSEHOLDS_TOTAL);
        part(r, facts, Fact.CASES_CLEARED, Fact.CASES_OCCURRED);
        part(r, facts, Fact.SERIOUS_CASES_CLEARED, Fact.SERIOUS_CASES_PROSECUTED);
        part(r, facts, Fact.RELEASED_REOFFENDED, Fact.RELEASED_RESIDENTS);
        LocalDate end = LocalDate.of(2024, 12, 12);
        return new EvaluationInput(new Area("QD124_2004", "00001", "check", "001", "01"), profileId,
                new Period(end.minusMonths(9), end),
                r.nextInt(5) == 0 ? null : new Period(end.minusYears(1).minusMonths(9), end.minusYears(1)), facts);
    }

    private static void part(SplittableRandom r, Map<Fact, Object> facts, Fact part, Fact whole) {
        Long w = (Long) facts.get(whole);
        if (w == null || !facts.containsKey(part)) return;
        int shape = r.nextInt(3);
        facts.put(part, shape == 0 ? w : shape == 1 ? (long) r.nextInt((int) Math.min(w, Integer.MAX_VALUE - 1) + 1)
                : Math.max(0, w - r.nextInt(3)));
    }
}
