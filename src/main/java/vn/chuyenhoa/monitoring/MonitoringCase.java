package vn.chuyenhoa.monitoring;

import java.time.LocalDate;

/**
 * The report as the monitoring rules see it: its period against the window. The window runs from the day after
 * recognition to the same date {@code years} later, inclusive (Civil Code 2015 art. 147–148: a term in years starts
 * the day after the event and ends on the corresponding day of the last year). The reason rules wait until they know
 * the report is inside it; the verdict rules until every reason is decided.
 */
public final class MonitoringCase {

    private final LocalDate periodTo;
    private final LocalDate windowEnd;
    private final int reasons;

    MonitoringCase(LocalDate periodTo, LocalDate windowEnd, int reasons) {
        this.periodTo = periodTo;
        this.windowEnd = windowEnd;
        this.reasons = reasons;
    }

    public LocalDate getPeriodTo() { return periodTo; }

    public LocalDate getWindowEnd() { return windowEnd; }

    public int getReasons() { return reasons; }
}
