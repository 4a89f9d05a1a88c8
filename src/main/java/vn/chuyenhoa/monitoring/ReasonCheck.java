package vn.chuyenhoa.monitoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.chuyenhoa.evaluation.EvaluationInput;
import vn.chuyenhoa.evaluation.Fact;

/**
 * One relapse reason applied to one report, as DRL sees it. Java only picks the numbers out; whether they are
 * missing, switched off, apply or not is decided by {@code rules/monitoring.drl}.
 */
public final class ReasonCheck {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final RelapseReason reason;
    private final Long value;
    private final Boolean flag;
    private final Long baseline;
    private final Long current;
    private final List<String> missing;

    ReasonCheck(RelapseReason reason, MonitoringInput input) {
        this.reason = reason;
        EvaluationInput report = input.report();
        Map<Fact, Object> facts = report.facts();
        List<String> absent = new ArrayList<>(3);
        Long v = null, b = null, c = null;
        Boolean f = null;
        switch (reason.kind()) {
            case FLAG -> {
                f = ReportFacts.PROPOSED_AGAIN.equals(reason.fact()) ? input.proposedAgain() : (Boolean) facts.get(Fact.byName(reason.fact()));
                if (f == null) absent.add(reason.fact());
            }
            case COUNT -> {
                v = (Long) facts.get(Fact.byName(reason.fact()));
                if (v == null) absent.add(reason.fact());
            }
            case ABOVE_BASELINE -> {
                b = sum(facts, reason.baseline(), absent);
                c = sum(facts, reason.current(), absent);
                if (report.baselinePeriod() == null) absent.add("baselinePeriod");
            }
        }
        this.value = v;
        this.flag = f;
        this.baseline = b;
        this.current = c;
        this.missing = List.copyOf(absent);
    }

    private static Long sum(Map<Fact, Object> facts, List<Fact> parts, List<String> absent) {
        long total = 0;
        boolean complete = true;
        for (Fact p : parts) {
            Long v = (Long) facts.get(p);
            if (v == null) {
                absent.add(p.jsonName());
                complete = false;
            } else {
                total += v;
            }
        }
        return complete ? total : null;
    }

    public RelapseReason getReason() { return reason; }

    public boolean isEnabled() { return reason.enabled(); }

    public boolean isPresent() { return missing.isEmpty(); }

    public List<String> getMissing() { return missing; }

    public Long getValue() { return value; }

    public Boolean getFlag() { return flag; }

    public Long getBaseline() { return baseline; }

    public Long getCurrent() { return current; }

    /**
     * Exact: above the baseline by the threshold percent is {@code (current − baseline) × 100} against
     * {@code threshold × baseline}, so with the default 0 % any increase is a relapse and equal is not; from a zero
     * baseline any crime is above it. Only meaningful once the rules know the facts are present.
     */
    public boolean isThresholdMet() {
        return switch (reason.kind()) {
            case FLAG -> flag.equals(reason.expected());
            case COUNT -> reason.comparison().holds(BigDecimal.valueOf(value).compareTo(reason.threshold()));
            case ABOVE_BASELINE -> reason.comparison().holds(BigDecimal.valueOf(current - baseline).multiply(HUNDRED)
                    .compareTo(reason.threshold().multiply(BigDecimal.valueOf(baseline))));
        };
    }
}
