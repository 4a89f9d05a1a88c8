package vn.chuyenhoa.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import vn.chuyenhoa.kernel.Comparison;

/**
 * Turns decisions into the sentences of domain spec §3.4. The nouns (labels, remedy templates, legal basis) come from
 * the tables; only the grammar that is the same for every criterion is here.
 */
public final class Explanations {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Explanations() {}

    public static List<CriterionResult> render(Judgement judgement) {
        List<CriterionResult> out = new ArrayList<>(judgement.decisions().size());
        for (Decision d : judgement.decisions()) out.add(render(d));
        return out;
    }

    /** Absent facts that a MISSING_DATA criterion needed, once each, in code-point order. */
    public static List<String> missingFacts(Judgement judgement) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        for (Decision d : judgement.decisions()) {
            if (d.outcome() == Outcome.MISSING_DATA) names.addAll(d.measure().getMissing());
        }
        return List.copyOf(names);
    }

    static CriterionResult render(Decision d) {
        Measure m = d.measure();
        Requirement r = m.getRequirement();
        Criterion c = r.criterion();
        Text t = switch (c.kind()) {
            case RATE -> rate(d);
            case COUNT -> count(d);
            case FLAG -> flag(d);
            case REDUCTION -> reduction(d);
            case BELOW_BASELINE -> belowBaseline(d);
        };
        String threshold = switch (c.kind()) {
            case FLAG -> String.valueOf(r.expectedFlag());
            case BELOW_BASELINE -> m.getBaseline() == null ? null : String.valueOf(m.getBaseline());
            default -> plain(r.threshold());
        };
        List<String> missing = d.outcome() == Outcome.MISSING_DATA ? m.getMissing() : null;
        return new CriterionResult(c.id(), d.outcome(), t.actual, t.numerator, t.denominator,
                c.comparison().symbol(), threshold, c.labelVi(), c.labelEn(), t.vi, t.en,
                t.remedyN == null ? null : fill(c.remedyVi(), t.remedyN, r.threshold(), true),
                t.remedyN == null ? null : fill(c.remedyEn(), t.remedyN, r.threshold(), false),
                d.rule(), r.source(), r.legalBasis() != null ? r.legalBasis() : c.legalBasis(), missing);
    }

    private record Text(String actual, Long numerator, Long denominator, String vi, String en, Long remedyN) {}

    private static Text rate(Decision d) {
        Measure m = d.measure();
        Requirement r = m.getRequirement();
        String label = r.criterion().labelVi();
        String labelEn = r.criterion().labelEn();
        Long num = m.getNumerator(), den = m.getDenominator();
        switch (d.outcome()) {
            case NOT_APPLICABLE -> {
                String f = r.criterion().denominator().jsonName();
                // Vietnamese names the fact in words, never its JSON name (issue 15)
                return new Text(null, num, den,
                        label + ": không áp dụng vì " + lower(r.criterion().denominator().labelVi()) + " bằng 0, không có gì để đánh giá.",
                        labelEn + ": not applicable because " + f + " is 0, so there is nothing to fail.", null);
            }
            case MISSING_DATA -> {
                return missingText(m, num, den);
            }
            default -> {
                BigDecimal pct = m.getReading().shown();
                String frac = " (" + vi(num) + "/" + vi(den) + ")";
                String fracEn = " (" + en(num) + "/" + en(den) + ")";
                String t = plain(r.threshold());
                if (d.outcome() == Outcome.MET) {
                    return new Text(pct.toPlainString(), num, den,
                            label + " " + vi(pct) + "%" + frac + " đạt yêu cầu " + requirementVi(r.comparison(), vi(r.threshold()) + "%") + ".",
                            labelEn + " " + pct.toPlainString() + "%" + fracEn + " meets the requirement of "
                                    + requirementEn(r.comparison(), t + "%") + ".", null);
                }
                return new Text(pct.toPlainString(), num, den,
                        label + " " + vi(pct) + "%" + frac + " " + shortfallVi(r.comparison()) + " ngưỡng " + vi(r.threshold()) + "%.",
                        labelEn + " " + pct.toPlainString() + "%" + fracEn + " " + shortfallEn(r.comparison())
                                + " the threshold of " + t + "%.",
                        rateRemedy(r.comparison(), r.threshold(), num, den));
            }
        }
    }

    private static Text count(Decision d) {
        Measure m = d.measure();
        Requirement r = m.getRequirement();
        if (d.outcome() == Outcome.MISSING_DATA) return missingText(m, null, null);
        long v = m.getValue();
        String t = plain(r.threshold());
        if (d.outcome() == Outcome.MET) {
            return new Text(String.valueOf(v), null, null,
                    r.criterion().labelVi() + ": " + vi(v) + ", đạt yêu cầu " + requirementVi(r.comparison(), t) + ".",
                    r.criterion().labelEn() + ": " + en(v) + ", meets the requirement of " + requirementEn(r.comparison(), t) + ".", null);
        }
        return new Text(String.valueOf(v), null, null,
                r.criterion().labelVi() + ": " + vi(v) + ", không đạt yêu cầu " + requirementVi(r.comparison(), t) + ".",
                r.criterion().labelEn() + ": " + en(v) + ", does not meet the requirement of " + requirementEn(r.comparison(), t) + ".",
                countRemedy(r.comparison(), r.threshold(), v));
    }

    private static Text flag(Decision d) {
        Measure m = d.measure();
        Requirement r = m.getRequirement();
        if (d.outcome() == Outcome.MISSING_DATA) return missingText(m, null, null);
        String fact = r.criterion().fact().jsonName() + " = " + m.getFlag();
        String factVi = r.criterion().fact().labelVi() + ": " + yesNoVi(m.getFlag());
        if (d.outcome() == Outcome.MET) {
            return new Text(String.valueOf(m.getFlag()), null, null,
                    r.criterion().labelVi() + ": đạt (" + factVi + ").",
                    r.criterion().labelEn() + ": met (" + fact + ").", null);
        }
        return new Text(String.valueOf(m.getFlag()), null, null,
                r.criterion().labelVi() + ": không đạt (" + factVi + ", yêu cầu " + yesNoVi(r.expectedFlag()) + ").",
                r.criterion().labelEn() + ": not met (" + fact + ", required " + r.expectedFlag() + ").", null);
    }

    private static Text reduction(Decision d) {
        Measure m = d.measure();
        Requirement r = m.getRequirement();
        if (d.outcome() == Outcome.MISSING_DATA) return missingText(m, null, null);
        long b = m.getBaseline(), c = m.getCurrent();
        String label = r.criterion().labelVi(), labelEn = r.criterion().labelEn();
        String counts = " (" + vi(b) + " → " + vi(c) + ")";
        String countsEn = " (" + en(b) + " → " + en(c) + ")";
        if (b == 0) {
            return d.outcome() == Outcome.MET
                    ? new Text(null, null, null,
                        label + ": trước chuyển hóa không có vụ nào và nay vẫn không có" + counts + ", đạt.",
                        labelEn + ": none before transformation and none now" + countsEn + ", met.", null)
                    : new Text(null, null, null,
                        label + ": trước chuyển hóa không có vụ nào nhưng nay có " + vi(c) + counts + ", không đạt.",
                        labelEn + ": none before transformation but " + en(c) + " now" + countsEn + ", not met.", c);
        }
        long down = b - c;
        BigDecimal pct = m.getReading().shown();
        String t = plain(r.threshold());
        String changeVi = down >= 0 ? "giảm " + vi(pct) + "%" : "tăng " + vi(pct.negate()) + "%";
        String changeEn = down >= 0 ? "down " + pct.toPlainString() + "%" : "up " + pct.negate().toPlainString() + "%";
        if (d.outcome() == Outcome.MET) {
            return new Text(pct.toPlainString(), down, b,
                    label + ": " + changeVi + counts + ", đạt yêu cầu " + requirementVi(r.comparison(), vi(r.threshold()) + "%") + ".",
                    labelEn + ": " + changeEn + countsEn + ", meets the requirement of " + requirementEn(r.comparison(), t + "%") + ".", null);
        }
        // smallest k with (b − (c − k))·100 ≥ t·b, i.e. c − k ≤ b − t·b/100
        BigDecimal allowed = BigDecimal.valueOf(b).subtract(r.threshold().multiply(BigDecimal.valueOf(b)).divide(HUNDRED));
        long k = c - allowed.setScale(0, RoundingMode.FLOOR).longValueExact();
        return new Text(pct.toPlainString(), down, b,
                label + ": " + changeVi + counts + ", thấp hơn ngưỡng giảm " + vi(r.threshold()) + "%.",
                labelEn + ": " + changeEn + countsEn + ", short of the " + t + "% reduction required.", k);
    }

    private static Text belowBaseline(Decision d) {
        Measure m = d.measure();
        Requirement r = m.getRequirement();
        String label = r.criterion().labelVi(), labelEn = r.criterion().labelEn();
        if (d.outcome() == Outcome.NOT_APPLICABLE) {
            return new Text(null, null, null,
                    label + ": không áp dụng vì trước chuyển hóa không có điểm, tụ điểm nào (baseline = 0).",
                    labelEn + ": not applicable because there were none before transformation (baseline = 0).", null);
        }
        if (d.outcome() == Outcome.MISSING_DATA) return missingText(m, null, null);
        long b = m.getBaseline(), c = m.getCurrent();
        if (d.outcome() == Outcome.MET) {
            return new Text(String.valueOf(c), null, null,
                    label + ": nay " + vi(c) + ", trước chuyển hóa " + vi(b) + ", đã giảm.",
                    labelEn + ": " + en(c) + " now against " + en(b) + " before transformation, fewer.", null);
        }
        return new Text(String.valueOf(c), null, null,
                label + ": nay " + vi(c) + ", trước chuyển hóa " + vi(b) + ", chưa giảm.",
                labelEn + ": " + en(c) + " now against " + en(b) + " before transformation, not fewer.", c - b + 1);
    }

    private static Text missingText(Measure m, Long num, Long den) {
        String facts = String.join(", ", m.getMissing());
        String factsVi = String.join("; ", m.getMissing().stream().map(f -> lower(Fact.label(f, false))).toList());
        Criterion c = m.getRequirement().criterion();
        return new Text(null, num, den,
                c.labelVi() + ": chưa đủ dữ liệu, thiếu " + factsVi + ".",
                c.labelEn() + ": missing data: " + facts + ".", null);
    }

    /** The smallest change of the numerator that meets the comparison, or null if none can. */
    static Long rateRemedy(Comparison cmp, BigDecimal threshold, long num, long den) {
        BigDecimal needed = threshold.multiply(BigDecimal.valueOf(den)).divide(HUNDRED); // numerator at the threshold
        long k = switch (cmp) {
            case GE, EQ -> needed.setScale(0, RoundingMode.CEILING).longValueExact() - num;
            case GT -> needed.setScale(0, RoundingMode.FLOOR).longValueExact() + 1 - num;
            case LT -> num - (needed.setScale(0, RoundingMode.CEILING).longValueExact() - 1);
            case LE -> num - needed.setScale(0, RoundingMode.FLOOR).longValueExact();
        };
        boolean increase = cmp == Comparison.GE || cmp == Comparison.GT || cmp == Comparison.EQ;
        if (k <= 0 || (increase && num + k > den) || (!increase && num - k < 0)) return null;
        if (cmp == Comparison.EQ && BigDecimal.valueOf(num + k).multiply(HUNDRED)
                .compareTo(threshold.multiply(BigDecimal.valueOf(den))) != 0) return null;
        return k;
    }

    static Long countRemedy(Comparison cmp, BigDecimal threshold, long value) {
        BigDecimal diff = threshold.subtract(BigDecimal.valueOf(value));
        long k = switch (cmp) {
            case GE -> diff.setScale(0, RoundingMode.CEILING).longValueExact();
            case GT -> diff.setScale(0, RoundingMode.FLOOR).longValueExact() + 1;
            case LT -> -(diff.setScale(0, RoundingMode.CEILING).longValueExact() - 1);
            case LE -> -diff.setScale(0, RoundingMode.FLOOR).longValueExact();
            case EQ -> diff.abs().setScale(0, RoundingMode.CEILING).longValueExact();
        };
        return k > 0 ? k : null;
    }

    private static String requirementVi(Comparison c, String t) {
        return switch (c) {
            case GE -> "từ " + t + " trở lên";
            case GT -> "trên " + t;
            case LT -> "dưới " + t;
            case LE -> "không quá " + t;
            case EQ -> "bằng " + t;
        };
    }

    private static String requirementEn(Comparison c, String t) {
        return switch (c) {
            case GE -> "at least " + t;
            case GT -> "more than " + t;
            case LT -> "below " + t;
            case LE -> "at most " + t;
            case EQ -> "exactly " + t;
        };
    }

    private static String shortfallVi(Comparison c) {
        return switch (c) {
            case GE, GT, EQ -> "thấp hơn";
            case LT -> "không thấp hơn";
            case LE -> "cao hơn";
        };
    }

    private static String shortfallEn(Comparison c) {
        return switch (c) {
            case GE, GT, EQ -> "is below";
            case LT -> "is not below";
            case LE -> "is above";
        };
    }

    static String fill(String template, long n, BigDecimal threshold, boolean vietnamese) {
        if (template == null) return null;
        String t = threshold == null ? "" : vietnamese ? vi(threshold) : plain(threshold);
        return template.replace("{n}", vietnamese ? vi(n) : en(n)).replace("{s}", n == 1 ? "" : "s").replace("{threshold}", t);
    }

    private static String yesNoVi(Boolean b) {
        return Boolean.TRUE.equals(b) ? "có" : "không";
    }

    private static String lower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    static String plain(BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros().toPlainString();
    }

    /** A count as Vietnamese writes it (kernel.Numbers): 1.150, as the page's tables write it beside the sentence. */
    static String vi(long n) {
        return vn.chuyenhoa.kernel.Numbers.format(n, true);
    }

    /** A count as English writes it: 1,150. */
    static String en(long n) {
        return vn.chuyenhoa.kernel.Numbers.format(n, false);
    }

    /** As Vietnamese writes it (kernel.Numbers): 76,92%. Computed rates keep their two places, thresholds are written plain. */
    static String vi(BigDecimal d) {
        return vn.chuyenhoa.kernel.Numbers.format(d, true, d.scale() == 2);
    }
}
