package vn.chuyenhoa.programme;

import java.time.LocalDate;

import vn.chuyenhoa.evaluation.Verdict;

/**
 * One step rules/lifecycle.drl allows (or announces for later) from a state, with what it needs. The rules build it
 * with the fluent methods; once the rules have fired it is only read.
 */
public final class Move {

    /** Which year's programme the step leads into. */
    public enum Year {
        /** the same record goes on */
        SAME,
        /** a new record in the next year's programme (carry-over, Gia Lai 2022) */
        NEXT,
        /** a new record in a later year's programme, named by the caller (a relapsed area proposed again) */
        LATER
    }

    private final AreaState to;
    private final String rule;
    private final String labelVi;
    private final boolean later;
    private final LocalDate availableFrom;
    private boolean decisionRequired;
    private boolean reasonRequired;
    private boolean pinsProfile;
    private Verdict citedVerdict;
    private boolean citesReport;
    private boolean followsArea;
    private Year year = Year.SAME;

    Move(AreaState to, String rule, String labelVi, boolean later, LocalDate availableFrom) {
        this.to = to;
        this.rule = rule;
        this.labelVi = labelVi;
        this.later = later;
        this.availableFrom = availableFrom;
    }

    /** A decision of the competent authority, by number and date, must be recorded with the step. */
    public Move decisionRequired() {
        decisionRequired = true;
        return this;
    }

    /** The step must say why (comment). */
    public Move reasonRequired() {
        reasonRequired = true;
        return this;
    }

    /** The step fixes the profile in force for the record: resolved for the area on the decision (or step) date. */
    public Move pinsProfile() {
        pinsProfile = true;
        return this;
    }

    /** The step must cite a stored FINAL evaluation of the area, under the pinned profile, with this verdict. */
    public Move citing(Verdict verdict) {
        citedVerdict = verdict;
        return this;
    }

    /** The step must cite a stored monitoring report of the area that found it relapsed. */
    public Move citingReport() {
        citesReport = true;
        return this;
    }

    public boolean isCitingReport() { return citesReport; }

    /** The step moves the record to the new unit its area went into (from the 2024→2025 mapping, or the officer's choice). */
    public Move followsArea() {
        followsArea = true;
        return this;
    }

    public boolean isFollowingArea() { return followsArea; }

    public Move into(Year year) {
        this.year = year;
        return this;
    }

    public AreaState to() { return to; }

    /** The rule's name, which is also the step's English description. */
    public String rule() { return rule; }

    public String labelVi() { return labelVi; }

    /** Not possible yet on the day asked about. */
    public boolean isLater() { return later; }

    /** For a later step, the first day it will be possible; null when that is unknown. */
    public LocalDate availableFrom() { return availableFrom; }

    public boolean isDecisionRequired() { return decisionRequired; }

    public boolean isReasonRequired() { return reasonRequired; }

    public boolean isPinningProfile() { return pinsProfile; }

    /** null when the step cites no evaluation. */
    public Verdict citedVerdict() { return citedVerdict; }

    public Year year() { return year; }
}
