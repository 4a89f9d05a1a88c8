package vn.chuyenhoa.evaluation;

import java.time.LocalDate;

/**
 * When a transformation is planned to end, as a {@code plannedEnd} cell says: {@code END_OF_YEAR} (31 December of the
 * programme year, seed 003 "xong trong tháng 12") or {@code MONTHS_FROM_START:n} (seed 000 "thời gian chuyển hoá là 03
 * tháng"). The arithmetic is here because it is the meaning of the cell, the same for every profile.
 *
 * @param months only for {@link Rule#MONTHS_FROM_START}
 */
public record PlannedEnd(Rule rule, Integer months) {

    public enum Rule { END_OF_YEAR, MONTHS_FROM_START }

    /**
     * The last day (inclusive) of the transformation, or null when it depends on a start that has not happened.
     * n months from a start on 6 September end on 5 December: the day before the same date n months later.
     */
    public LocalDate lastDay(int programmeYear, LocalDate start) {
        return switch (rule) {
            case END_OF_YEAR -> LocalDate.of(programmeYear, 12, 31);
            case MONTHS_FROM_START -> start == null ? null : start.plusMonths(months).minusDays(1);
        };
    }

    /** As people read it: "31/12 của năm chương trình", "3 tháng kể từ ngày bắt đầu" (English on ?lang=en). */
    public String words(boolean en) {
        return rule == Rule.END_OF_YEAR ? (en ? "31 December of the programme year" : "31/12 của năm chương trình")
                : months + (en ? " months from the start" : " tháng kể từ ngày bắt đầu");
    }

    /** As written in the table, e.g. {@code MONTHS_FROM_START:3}. */
    public String text() {
        return rule == Rule.END_OF_YEAR ? rule.name() : rule.name() + ":" + months;
    }
}
