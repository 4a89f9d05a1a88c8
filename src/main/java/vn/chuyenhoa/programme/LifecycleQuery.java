package vn.chuyenhoa.programme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The fact rules/lifecycle.drl reasons about: an area's state on a day, with what the rules need to know about its
 * past (when it was recognised, how long it is monitored). The rules answer by adding moves.
 */
public final class LifecycleQuery {

    private final AreaState state;
    private final LocalDate onDate;
    private final LocalDate monitoringEnds;
    private final boolean continued;
    private final boolean retired;
    private final boolean lastStepOpening;
    private final boolean lastStepMove;
    private final List<Move> moves = new ArrayList<>();

    /**
     * @param state          null for an area not (yet) in the year's programme
     * @param monitoringEnds the first day after the monitoring window, null when not monitored or unknown
     * @param continued      a later year's record already continues this one
     * @param retired        the record's area is, on that day, a unit of a code list no longer in force
     * @param lastStepOpening the last step standing that day opened the record (its first step)
     * @param lastStepMove   the last step standing that day moved the record to a new unit (REORGANISED)
     */
    LifecycleQuery(AreaState state, LocalDate onDate, LocalDate monitoringEnds, boolean continued, boolean retired,
                   boolean lastStepOpening, boolean lastStepMove) {
        this.state = state;
        this.onDate = onDate;
        this.monitoringEnds = monitoringEnds;
        this.continued = continued;
        this.retired = retired;
        this.lastStepOpening = lastStepOpening;
        this.lastStepMove = lastStepMove;
    }

    public AreaState getState() { return state; }

    public LocalDate getMonitoringEnds() { return monitoringEnds; }

    /** Already carried over, or already a candidate again, in a later year's programme. */
    public boolean isContinued() { return continued; }

    /** The area is an old commune on a day its list no longer names it (after 30 June 2025). */
    public boolean isRetired() { return retired; }

    /** The last step standing opened the record: undone not by a correction but by dropping the candidate. */
    public boolean isLastStepOpening() { return lastStepOpening; }

    /** The last step standing moved the record to a new unit. */
    public boolean isLastStepMove() { return lastStepMove; }

    /** The window has passed on the day asked about (the day it ends counts as passed). */
    public boolean isMonitoringWindowOver() {
        return monitoringEnds != null && !onDate.isBefore(monitoringEnds);
    }

    public Move allow(AreaState to, String rule, String labelVi) {
        Move m = new Move(to, rule, labelVi, false, null);
        moves.add(m);
        return m;
    }

    /** A step that is not possible yet on the day asked about, and from when it will be (null if unknown). */
    public Move notBefore(AreaState to, LocalDate from, String rule, String labelVi) {
        Move m = new Move(to, rule, labelVi, true, from);
        moves.add(m);
        return m;
    }

    List<Move> moves() { return List.copyOf(moves); }
}
