package vn.chuyenhoa.screening;

import vn.chuyenhoa.kernel.Absences;
import vn.chuyenhoa.kernel.Reading;

/**
 * One table condition applied to one commune's facts, as DRL sees it: the row's {@link Reading} under the names that
 * rules/screening.drl and every stored ruleset version use. Java only picks the numbers out; whether they are
 * missing, meet or miss the threshold is decided by {@code rules/screening.drl}.
 */
// screening has its own Condition (a table row's comparison), hence the full name of the kernel's
public final class Check implements vn.chuyenhoa.kernel.Condition {

    private final Assessment assessment;
    private final ConditionRow row;
    private final Reading reading;

    Check(Assessment assessment, ConditionRow row, Candidate candidate) {
        this.assessment = assessment;
        this.row = row;
        this.reading = reading(row.condition(), candidate);
    }

    /** A rate per {@code per} residents: 50 of 10,000 residents is exactly 0.5 % and meets "≥ 0.5" at per = 100. */
    private static Reading reading(Condition c, Candidate candidate) {
        Absences absent = new Absences();
        String name = c.fact().jsonName();
        if (c.isFlag()) return Reading.flag(absent.need(candidate.flag(c.fact()), name), c.expected(), absent.names());
        Long value = absent.need(candidate.count(c.fact()), name);
        if (!c.perResidents()) return Reading.count(value, c.comparison()::holds, c.threshold(), absent.names());
        Long residents = absent.need(candidate.count(ScreeningFact.RESIDENTS), ScreeningFact.RESIDENTS.jsonName());
        return Reading.rate(value, residents, c.per(), c.comparison()::holds, c.threshold(), absent.names());
    }

    public Assessment getAssessment() { return assessment; }

    public ConditionRow getRow() { return row; }

    @Override
    public Reading getReading() { return reading; }

    public Long getValue() { return reading.amount(); }

    public Boolean getFlag() { return reading.flag(); }

    public Long getResidents() { return reading.base(); }
}
