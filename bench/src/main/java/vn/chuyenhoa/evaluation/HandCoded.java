package vn.chuyenhoa.evaluation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.ObjectMapper;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.area.CodeScheme;
import vn.chuyenhoa.kernel.Area;
import vn.chuyenhoa.kernel.Comparison;

/**
 * The yardstick of the benchmarks: the 13 criteria of domain spec §3 and the verdict of §3.2, written by hand in plain
 * Java, with no rule engine. Benchmark code only, never product code.
 *
 * <p>Each criterion is spelt out by its id with the facts it reads and the comparison the sources give; only the
 * thresholds (which differ by profile: CRIME_REDUCTION is 10% on crimes + social evils in Việt Yên, 5% on crimes in
 * Ngọc Lặc) are taken from the compiled tables, and the constructor refuses a policy whose criteria are not the ones
 * written here, so the comparison with Drools is always between the same rules.
 *
 * <p>It produces the same {@link Judgement} as {@link Evaluator#judge} — same measures, outcomes, rule names, verdict
 * and order — so that {@link Explanations#render} gives byte-identical explanations; {@code Check} verifies that.
 * Arithmetic is exact: thresholds become integers scaled by a power of ten and are compared in {@code long}.
 * It lives in this package only to build {@link Measure}, {@link ProfileChoice} and the document as the service does.
 */
public final class HandCoded {

    // The rule names of rules/evaluation.drl, so that every result names the same rule as on the Drools path.
    static final String RATE_NA = "Rate with a zero denominator is not applicable";
    static final String RATE_MISSING = "Rate with an absent fact lacks data";
    static final String RATE_MET = "Rate meets its threshold";
    static final String RATE_NOT_MET = "Rate falls short of its threshold";
    static final String CF_MISSING = "Count or flag with an absent fact lacks data";
    static final String CF_MET = "Count or flag meets its requirement";
    static final String CF_NOT_MET = "Count or flag falls short of its requirement";
    static final String RED_MISSING = "Reduction with an absent fact or baseline period lacks data";
    static final String RED_ZERO = "Reduction from a zero baseline is met only by zero";
    static final String RED_MET = "Reduction meets its threshold";
    static final String RED_NOT_MET = "Reduction falls short of its threshold";
    static final String BB_NA = "Below-baseline with a zero baseline is not applicable";
    static final String BB_MISSING = "Below-baseline with an absent fact or baseline period lacks data";
    static final String BB_COMPARED = "Below-baseline compared with the baseline";
    static final String NOT_TRANSFORMED = "Not transformed when any criterion is not met";
    static final String INSUFFICIENT = "Insufficient data when nothing failed but facts are missing";
    static final String TRANSFORMED = "Transformed when every criterion is met or not applicable";

    private static final List<String> NONE_MISSING = List.of();

    /** One criterion of one profile, ready to run: its requirement and what to do with the facts. */
    private abstract static class Check {
        final Requirement r;

        Check(Requirement r) { this.r = r; }

        abstract Decision decide(EvaluationInput in);
    }

    private final Policy policy;
    private final Map<Profile, Check[]> checks = new IdentityHashMap<>();

    public HandCoded(Policy policy) {
        this.policy = policy;
        for (Profile p : policy.profiles()) {
            List<Requirement> reqs = p.requirements();
            Check[] cs = new Check[reqs.size()];
            for (int i = 0; i < cs.length; i++) cs[i] = compile(reqs.get(i));
            checks.put(p, cs);
        }
    }

    public Judgement judge(EvaluationInput input) {
        ProfileChoice choice = Evaluator.chooseProfile(policy, input); // the same choice as on the Drools path
        Check[] cs = checks.get(choice.profile());
        List<Decision> decisions = new ArrayList<>(cs.length);
        boolean notMet = false, missing = false;
        for (Check c : cs) {
            Decision d = c.decide(input);
            notMet |= d.outcome() == Outcome.NOT_MET;
            missing |= d.outcome() == Outcome.MISSING_DATA;
            decisions.add(d);
        }
        if (notMet) return new Judgement(choice, Verdict.NOT_TRANSFORMED, NOT_TRANSFORMED, decisions);
        if (missing) return new Judgement(choice, Verdict.INSUFFICIENT_DATA, INSUFFICIENT, decisions);
        return new Judgement(choice, Verdict.TRANSFORMED, TRANSFORMED, decisions);
    }

    /**
     * What {@link EvaluationService#evaluate} does for a dry run, with the hand-coded decision instead of Drools: the
     * same document, rendered by the same code and written by the same mapper.
     */
    public byte[] dryRunJson(String versionId, EvaluationInput input, String purpose, ObjectMapper json, AreaDirectory areas) {
        Judgement judgement = judge(input);
        UUID id = null;
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Area a = input.area();
        EvaluationDocument doc = new EvaluationDocument(id, judgement.verdict(),
                new EvaluationDocument.AreaView(a.codeScheme(), a.code(), a.name(), a.districtCode(), a.provinceCode()),
                EvaluationDocument.profileView(judgement.profile(), input,
                        CodeScheme.parse(a.codeScheme()).flatMap(c -> areas.find(c, a.code())).orElse(null)), versionId, at, purpose,
                input.period(), input.baselinePeriod(), Explanations.render(judgement),
                Explanations.missingFacts(judgement), judgement.verdictRule(), factsView(input.facts()), null, null);
        // as EvaluationService.render does: the text once, encoded once, for the answer
        return json.writeValueAsString(doc).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> factsView(Map<Fact, Object> facts) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Fact f : Fact.values()) {
            Object v = facts.get(f);
            if (v != null) out.put(f.jsonName(), v);
        }
        return out;
    }

    // ---- the criteria, by id ----------------------------------------------------------------------------------------

    private static Check compile(Requirement r) {
        Criterion c = r.criterion();
        return switch (c.id()) {
            case "TIPS_RESOLVED" -> rate(r, Fact.TIPS_RESOLVED, Fact.TIPS_RECEIVED, Comparison.EQ);
            case "POLITICAL_SYSTEM" -> flag(r, Fact.POLITICAL_SYSTEM_CONSOLIDATED);
            case "SELF_MANAGEMENT_MODEL" -> count(r, Fact.EFFECTIVE_MODELS, Comparison.GE);
            case "COMMUNITY_RULES" -> flag(r, Fact.COMMUNITY_RULES_MAINTAINED);
            case "HOUSEHOLDS_INFORMED" -> rate(r, Fact.HOUSEHOLDS_INFORMED, Fact.HOUSEHOLDS_TOTAL, Comparison.EQ);
            case "NO_ORGANIZED_CRIME" -> flag(r, Fact.ORGANIZED_CRIME_SIGNS);
            case "NO_BLACK_CREDIT" -> flag(r, Fact.BLACK_CREDIT_ACTIVITY);
            case "CLEARANCE_RATE" -> rate(r, Fact.CASES_CLEARED, Fact.CASES_OCCURRED, Comparison.GE);
            case "SERIOUS_CLEARANCE_RATE" -> rate(r, Fact.SERIOUS_CASES_CLEARED, Fact.SERIOUS_CASES_PROSECUTED, Comparison.GE);
            case "RECIDIVISM" -> rate(r, Fact.RELEASED_REOFFENDED, Fact.RELEASED_RESIDENTS, Comparison.LT);
            case "CRIME_REDUCTION" -> reduction(r);
            case "HOTSPOTS_REDUCED" -> belowBaseline(r, Fact.HOTSPOTS_BASELINE, Fact.HOTSPOTS_CURRENT);
            case "NO_NEW_HOTSPOTS" -> count(r, Fact.NEW_HOTSPOTS_FORMED, c.comparison());
            default -> throw new IllegalArgumentException("the hand-coded yardstick does not know criterion " + c.id());
        };
    }

    private static void expect(Requirement r, Kind kind, Comparison cmp, Fact fact, Fact denominator) {
        Criterion c = r.criterion();
        if (c.kind() != kind || (cmp != null && c.comparison() != cmp) || (fact != null && c.fact() != fact)
                || (denominator != null && c.denominator() != denominator)) {
            throw new IllegalStateException("the tables define " + c.id() + " as " + c.kind() + " " + c.comparison() + " "
                    + c.fact() + "/" + c.denominator() + ", not as the hand-coded " + kind + " " + cmp + " " + fact
                    + "/" + denominator);
        }
    }

    /** A threshold t as the exact fraction unscaled / 10^scale with scale ≥ 0. */
    private record Scaled(long unscaled, long pow) {
        static Scaled of(BigDecimal t) {
            BigDecimal s = t.scale() < 0 ? t.setScale(0) : t;
            if (s.scale() > 6) throw new IllegalArgumentException("threshold " + t + " has more than 6 decimals");
            return new Scaled(s.unscaledValue().longValueExact(), BigDecimal.TEN.pow(s.scale()).longValueExact());
        }
    }

    private static Check rate(Requirement r, Fact num, Fact den, Comparison cmp) {
        expect(r, Kind.RATE, cmp, num, den);
        Scaled t = Scaled.of(r.threshold());
        return new Check(r) {
            @Override
            Decision decide(EvaluationInput in) {
                Map<Fact, Object> facts = in.facts();
                Long n = (Long) facts.get(num), d = (Long) facts.get(den);
                List<String> missing = NONE_MISSING;
                if (n == null || d == null) {
                    missing = new ArrayList<>(2);
                    if (n == null) missing.add(num.jsonName());
                    if (d == null) missing.add(den.jsonName());
                }
                Measure m = new Measure(r, 0, n, d, null, in.baselinePeriod() != null, missing);
                if (d != null && d == 0) return new Decision(m, Outcome.NOT_APPLICABLE, RATE_NA);
                if (d == null || n == null) return new Decision(m, Outcome.MISSING_DATA, RATE_MISSING);
                // n / d · 100 against unscaled / pow, all in long: n·100·pow against unscaled·d
                boolean met = cmp.holds(Long.compare(Math.multiplyExact(n * 100, t.pow), Math.multiplyExact(t.unscaled, d)));
                return met ? new Decision(m, Outcome.MET, RATE_MET) : new Decision(m, Outcome.NOT_MET, RATE_NOT_MET);
            }
        };
    }

    private static Check count(Requirement r, Fact fact, Comparison cmp) {
        expect(r, Kind.COUNT, cmp, fact, null);
        Scaled t = Scaled.of(r.threshold());
        return new Check(r) {
            @Override
            Decision decide(EvaluationInput in) {
                Long v = (Long) in.facts().get(fact);
                if (v == null) {
                    List<String> missing = new ArrayList<>(2);
                    missing.add(fact.jsonName());
                    return new Decision(new Measure(r, 0, null, null, null, in.baselinePeriod() != null, missing),
                            Outcome.MISSING_DATA, CF_MISSING);
                }
                Measure m = new Measure(r, 0, v, null, null, in.baselinePeriod() != null, NONE_MISSING);
                boolean met = cmp.holds(Long.compare(Math.multiplyExact(v, t.pow), t.unscaled));
                return met ? new Decision(m, Outcome.MET, CF_MET) : new Decision(m, Outcome.NOT_MET, CF_NOT_MET);
            }
        };
    }

    private static Check flag(Requirement r, Fact fact) {
        expect(r, Kind.FLAG, null, fact, null);
        boolean expected = r.expectedFlag();
        return new Check(r) {
            @Override
            Decision decide(EvaluationInput in) {
                Boolean f = (Boolean) in.facts().get(fact);
                if (f == null) {
                    List<String> missing = new ArrayList<>(2);
                    missing.add(fact.jsonName());
                    return new Decision(new Measure(r, 0, null, null, null, in.baselinePeriod() != null, missing),
                            Outcome.MISSING_DATA, CF_MISSING);
                }
                Measure m = new Measure(r, 0, null, null, f, in.baselinePeriod() != null, NONE_MISSING);
                return f == expected ? new Decision(m, Outcome.MET, CF_MET) : new Decision(m, Outcome.NOT_MET, CF_NOT_MET);
            }
        };
    }

    /** (baseline − current) / baseline ≥ threshold, on the profile's basis (crimes, or crimes + social evils). */
    private static Check reduction(Requirement r) {
        expect(r, Kind.REDUCTION, Comparison.GE, null, null);
        Fact[] baseline = r.baseline().toArray(Fact[]::new), current = r.current().toArray(Fact[]::new);
        Scaled t = Scaled.of(r.threshold());
        return new Check(r) {
            @Override
            Decision decide(EvaluationInput in) {
                Map<Fact, Object> facts = in.facts();
                List<String> missing = NONE_MISSING;
                long b = 0, c = 0;
                boolean bOk = true, cOk = true;
                for (Fact f : current) {
                    Long v = (Long) facts.get(f);
                    if (v == null) {
                        if (missing == NONE_MISSING) missing = new ArrayList<>(2);
                        missing.add(f.jsonName());
                        cOk = false;
                    } else c += v;
                }
                for (Fact f : baseline) {
                    Long v = (Long) facts.get(f);
                    if (v == null) {
                        if (missing == NONE_MISSING) missing = new ArrayList<>(2);
                        missing.add(f.jsonName());
                        bOk = false;
                    } else b += v;
                }
                boolean period = in.baselinePeriod() != null;
                if (!period) {
                    if (missing == NONE_MISSING) missing = new ArrayList<>(2);
                    missing.add("baselinePeriod");
                }
                Measure m = new Measure(r, 0, cOk ? c : null, bOk ? b : null, null, period, missing);
                if (!bOk || !cOk || !period) return new Decision(m, Outcome.MISSING_DATA, RED_MISSING);
                if (b == 0) return new Decision(m, c == 0 ? Outcome.MET : Outcome.NOT_MET, RED_ZERO);
                boolean met = Long.compare(Math.multiplyExact((b - c) * 100, t.pow), Math.multiplyExact(t.unscaled, b)) >= 0;
                return met ? new Decision(m, Outcome.MET, RED_MET) : new Decision(m, Outcome.NOT_MET, RED_NOT_MET);
            }
        };
    }

    /** Fewer now than before: current &lt; baseline; nothing to reduce from a zero baseline. */
    private static Check belowBaseline(Requirement r, Fact baselineFact, Fact currentFact) {
        expect(r, Kind.BELOW_BASELINE, Comparison.LT, null, null);
        if (!r.baseline().equals(List.of(baselineFact)) || !r.current().equals(List.of(currentFact))) {
            throw new IllegalStateException(r.id() + " compares " + r.current() + " with " + r.baseline());
        }
        return new Check(r) {
            @Override
            Decision decide(EvaluationInput in) {
                Map<Fact, Object> facts = in.facts();
                Long c = (Long) facts.get(currentFact), b = (Long) facts.get(baselineFact);
                boolean period = in.baselinePeriod() != null;
                List<String> missing = NONE_MISSING;
                if (c == null || b == null || !period) {
                    missing = new ArrayList<>(2);
                    if (c == null) missing.add(currentFact.jsonName());
                    if (b == null) missing.add(baselineFact.jsonName());
                    if (!period) missing.add("baselinePeriod");
                }
                Measure m = new Measure(r, 0, c, b, null, period, missing);
                if (b != null && b == 0) return new Decision(m, Outcome.NOT_APPLICABLE, BB_NA);
                if (b == null || c == null || !period) return new Decision(m, Outcome.MISSING_DATA, BB_MISSING);
                return new Decision(m, c < b ? Outcome.MET : Outcome.NOT_MET, BB_COMPARED);
            }
        };
    }
}
