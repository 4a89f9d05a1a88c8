package vn.chuyenhoa.programme;

import java.time.LocalDate;
import java.util.List;

import vn.chuyenhoa.evaluation.PlannedEnd;
import vn.chuyenhoa.evaluation.Profile;
import vn.chuyenhoa.evaluation.Setting;

/**
 * What an area's record says on a day, with the table rows behind each date.
 *
 * @param state          null when the record had no step in effect yet on that day
 * @param pinning        the step that pinned the profile (approval, carry-over); null before approval
 * @param profile        the pinned profile as the ruleset in force defines it; null if unpinned or no longer defined
 * @param start          start of the transformation; null before it started
 * @param plannedEnd     last day planned for the transformation (inclusive); null when it depends on a start not yet made
 * @param plannedEndRule the table row that set it
 * @param overdue        selected, without a verdict, and past the planned end on the day
 * @param recognisedOn   the day of the TRANSFORMED step
 * @param monitoringEnds the first day after the monitoring window ({@link vn.chuyenhoa.monitoring.Window#over})
 * @param moves          the steps the lifecycle allows on that day, and those it allows only later
 */
public record AreaStatus(ProgrammeArea area, LocalDate asOf, AreaState state, Step pinning, Profile profile,
                         LocalDate start, LocalDate plannedEnd, Setting<PlannedEnd> plannedEndRule, boolean overdue,
                         LocalDate recognisedOn, Setting<Integer> monitoringWindow, LocalDate monitoringEnds,
                         List<Move> moves) {

    /** The unit the record counts under in figures read on {@code asOf} ({@link ProgrammeArea#unitOfYear}). */
    public Unit unit() {
        return area.unitOfYear(asOf);
    }

    /** The unit the area moved to after the one it counts under (the new commune, from 1 July 2025); null if none. */
    public Unit movedTo() {
        Unit now = area.unitOn(asOf);
        return now.equals(unit()) ? null : now;
    }

    /** The last day of the monitoring window, inclusive, as the monitoring report says it; null when not monitored. */
    public LocalDate monitoringLastDay() {
        return monitoringEnds == null ? null : monitoringEnds.minusDays(1);
    }

    /** Still MONITORING on the day although the window has ended: the STABLE step (or RELAPSED) is overdue. */
    public boolean stableDue() {
        return state == AreaState.MONITORING && monitoringEnds != null && !asOf.isBefore(monitoringEnds);
    }

    public List<Move> allowed() {
        return moves.stream().filter(m -> !m.isLater()).toList();
    }

    public List<Move> later() {
        return moves.stream().filter(Move::isLater).toList();
    }
}
