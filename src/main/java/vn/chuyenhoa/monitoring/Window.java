package vn.chuyenhoa.monitoring;

import java.time.LocalDate;

/**
 * The monitoring window after recognition, the one computation of it that the monitoring report and the area's record
 * both read (they once disagreed by a day). Domain spec §5: "3 years after recognition"; a term in years starts the
 * day after the event and ends on the corresponding day of the last year, inclusive (Civil Code 2015 art. 147–148):
 * recognised on 22/12/2020, monitored from 23/12/2020 to the end of 22/12/2023, stable from 23/12/2023.
 */
public record Window(LocalDate recognisedOn, int years) {

    public static Window after(LocalDate recognisedOn, int years) {
        return new Window(recognisedOn, years);
    }

    /** The first day monitored: the day after recognition. */
    public LocalDate from() {
        return recognisedOn.plusDays(1);
    }

    /** The last day monitored, inclusive. */
    public LocalDate last() {
        return recognisedOn.plusYears(years);
    }

    /** The first day after the window: from then on the area may be recorded as stable. */
    public LocalDate over() {
        return last().plusDays(1);
    }
}
