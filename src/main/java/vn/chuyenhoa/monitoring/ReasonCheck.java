package vn.chuyenhoa.monitoring;

import java.util.Map;

import vn.chuyenhoa.evaluation.EvaluationInput;
import vn.chuyenhoa.evaluation.Fact;
import vn.chuyenhoa.kernel.Absences;
import vn.chuyenhoa.kernel.Condition;
import vn.chuyenhoa.kernel.Reading;

/**
 * One relapse reason applied to one report, as DRL sees it: the reason's {@link Reading} under the names that
 * rules/monitoring.drl and every stored ruleset version use. Java only picks the numbers out; whether they are
 * missing, switched off, apply or not is decided by {@code rules/monitoring.drl}.
 */
public final class ReasonCheck implements Condition {

    private final RelapseReason reason;
    private final Reading reading;

    ReasonCheck(RelapseReason reason, MonitoringInput input) {
        this.reason = reason;
        this.reading = reading(reason, input);
    }

    /**
     * Above the baseline by the threshold percent is a {@link Reading.Shape#RISE}: with the default 0 % any increase is
     * a relapse and equal is not; from a zero baseline any crime is above it. A row switched off is not applicable.
     */
    private static Reading reading(RelapseReason reason, MonitoringInput input) {
        EvaluationInput report = input.report();
        Map<Fact, Object> facts = report.facts();
        Absences absent = new Absences();
        Reading r = switch (reason.kind()) {
            case FLAG -> Reading.flag(absent.need(ReportFacts.PROPOSED_AGAIN.equals(reason.fact()) ? input.proposedAgain()
                    : (Boolean) facts.get(Fact.byName(reason.fact())), reason.fact()), reason.expected(), absent.names());
            case COUNT -> Reading.count(absent.need((Long) facts.get(Fact.byName(reason.fact())), reason.fact()),
                    reason.comparison()::holds, reason.threshold(), absent.names());
            case ABOVE_BASELINE -> {
                Long baseline = absent.sum(reason.baseline(), f -> (Long) facts.get(f), Fact::jsonName);
                Long current = absent.sum(reason.current(), f -> (Long) facts.get(f), Fact::jsonName);
                absent.need(report.baselinePeriod() != null, "baselinePeriod");
                yield Reading.againstBaseline(Reading.Shape.RISE, current, baseline, reason.comparison()::holds,
                        reason.threshold(), absent.names());
            }
        };
        return r.applicableOnlyIf(reason.enabled());
    }

    public RelapseReason getReason() { return reason; }

    @Override
    public Reading getReading() { return reading; }

    public boolean isEnabled() { return reason.enabled(); }


    public Long getValue() { return reading.shape() == Reading.Shape.COUNT ? reading.amount() : null; }

    public Boolean getFlag() { return reading.flag(); }

    public Long getBaseline() { return reading.base(); }

    public Long getCurrent() { return reading.shape() == Reading.Shape.RISE ? reading.amount() : null; }
}
