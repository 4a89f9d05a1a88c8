package vn.chuyenhoa.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.evaluation.Verdict;
import vn.chuyenhoa.support.ShippedRules;

/**
 * The lifecycle graph of issue 4 through the real build of rules/lifecycle.drl (sharing its knowledge base with the
 * evaluation and calendar rules): from each state exactly the steps the issue names, each with what it needs.
 */
class LifecycleRulesTest {

    static final Engine engine = ShippedRules.engine();
    static final LocalDate DAY = LocalDate.of(2024, 6, 1);

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        // from,            allowed now (by hand from issue 4)
        "NEW,               CANDIDATE",
        "CANDIDATE,         PROPOSED DROPPED",
        "PROPOSED,          APPROVED DROPPED",
        "APPROVED,          IN_TRANSFORMATION",
        "IN_TRANSFORMATION, TRANSFORMED NOT_TRANSFORMED",
        "TRANSFORMED,       MONITORING",
        "NOT_TRANSFORMED,   IN_TRANSFORMATION",
        "RELAPSED,          CANDIDATE",
        "STABLE,            ''",
    })
    void stepsAllowedFromEachState(String from, String allowed) {
        AreaState state = from.equals("NEW") ? null : AreaState.valueOf(from);
        List<Move> moves = Lifecycle.moves(engine, state, DAY, null, false, false, true, false);
        assertEquals(allowed.isBlank() ? List.of() : List.of(allowed.split(" ")),
                moves.stream().filter(m -> !m.isLater()).map(m -> m.to().name()).toList());
    }

    @Test
    void approvalNeedsADecisionAndPinsTheProfile() {
        Move m = Lifecycle.moves(engine, AreaState.PROPOSED, DAY, null, false, false, true, false).stream()
                .filter(x -> x.to() == AreaState.APPROVED).findFirst().orElseThrow();
        assertTrue(m.isDecisionRequired());
        assertTrue(m.isPinningProfile());
        assertNull(m.citedVerdict());
        assertEquals(Move.Year.SAME, m.year());
    }

    @Test
    void eachVerdictCitesAnEvaluationWithThatVerdict() {
        List<Move> moves = Lifecycle.moves(engine, AreaState.IN_TRANSFORMATION, DAY, null, false, false, true, false);
        assertEquals(Verdict.TRANSFORMED, moves.get(0).citedVerdict());
        assertEquals(Verdict.NOT_TRANSFORMED, moves.get(1).citedVerdict());
        assertFalse(moves.get(0).isDecisionRequired(), "recognition may be recorded without a decision number");
    }

    @Test
    void carryOverLeadsIntoNextYearAndPinsAgain() {
        Move m = only(Lifecycle.moves(engine, AreaState.NOT_TRANSFORMED, DAY, null, false, false, true, false));
        assertEquals(Move.Year.NEXT, m.year());
        assertTrue(m.isPinningProfile());
        assertEquals(List.of(), Lifecycle.moves(engine, AreaState.NOT_TRANSFORMED, DAY, null, true, false, true, false), "only once");
    }

    @Test
    void aRelapsedAreaIsACandidateOfALaterYearOnce() {
        assertEquals(Move.Year.LATER, only(Lifecycle.moves(engine, AreaState.RELAPSED, DAY, null, false, false, true, false)).year());
        assertEquals(List.of(), Lifecycle.moves(engine, AreaState.RELAPSED, DAY, null, true, false, true, false));
    }

    @Test
    void monitoringEndsAsStableOnlyOnceTheWindowHasPassed() {
        LocalDate ends = LocalDate.of(2024, 6, 2);
        List<Move> before = Lifecycle.moves(engine, AreaState.MONITORING, DAY, ends, false, false, true, false);
        assertEquals(List.of(AreaState.RELAPSED, AreaState.STABLE), before.stream().map(Move::to).toList());
        assertTrue(before.get(0).isReasonRequired(), "a relapse says why");
        assertTrue(before.get(1).isLater());
        assertEquals(ends, before.get(1).availableFrom());

        List<Move> onTheDay = Lifecycle.moves(engine, AreaState.MONITORING, ends, ends, false, false, true, false);
        assertEquals(List.of(AreaState.RELAPSED, AreaState.STABLE), onTheDay.stream().map(Move::to).toList());
        assertFalse(onTheDay.get(1).isLater());
    }

    /** Domain spec §8.1: an old commune's record after the reform only follows its area, from whatever state. */
    @ParameterizedTest
    @CsvSource({"CANDIDATE", "APPROVED", "IN_TRANSFORMATION", "MONITORING", "STABLE", "NOT_TRANSFORMED"})
    void aRecordOnAnOldUnitAfterTheReformOnlyFollowsItsArea(String from) {
        LocalDate after = LocalDate.of(2025, 7, 1);
        Move m = only(Lifecycle.moves(engine, AreaState.valueOf(from), after, LocalDate.of(2027, 12, 21), false, true, true, false));
        assertEquals(AreaState.REORGANISED, m.to());
        assertTrue(m.isFollowingArea());
        assertEquals(Move.Year.SAME, m.year());
        assertFalse(m.isPinningProfile(), "the record keeps the profile pinned at approval");
    }

    private static Move only(List<Move> moves) {
        assertEquals(1, moves.size(), moves::toString);
        return moves.get(0);
    }

    // issue 15 (4): a candidate can be dropped, a mistaken step corrected, a relapse cites its monitoring report

    @Test
    void aCandidateOrAProposedAreaIsDroppedWithAReason() {
        for (AreaState from : List.of(AreaState.CANDIDATE, AreaState.PROPOSED)) {
            Move m = Lifecycle.moves(engine, from, DAY, null, false, false, true, false).stream()
                    .filter(x -> x.to() == AreaState.DROPPED).findFirst().orElseThrow();
            assertTrue(m.isReasonRequired());
            assertEquals("A candidate that is not taken further is dropped", m.rule());
        }
        assertTrue(Lifecycle.moves(engine, AreaState.APPROVED, DAY, null, false, false, true, false).stream()
                .noneMatch(x -> x.to() == AreaState.DROPPED), "an approved area is not dropped but judged");
    }

    @ParameterizedTest(name = "correct from {0}: opening {1}, move {2}, continued {3}, retired {4} → {5}")
    @CsvSource({
        "PROPOSED,          false, false, false, false, true",
        "TRANSFORMED,       false, false, false, false, true",
        "DROPPED,           false, false, false, false, true",
        "CANDIDATE,         true,  false, false, false, false",
        "MONITORING,        false, true,  false, false, false",
        "NOT_TRANSFORMED,   false, false, true,  false, false",
        "MONITORING,        false, false, false, true,  false",
    })
    void aMistakenStepIsCorrectedUnlessItOpenedOrMovedTheRecordOrALaterOneRestsOnIt(AreaState from, boolean opening,
            boolean move, boolean continued, boolean retired, boolean allowed) {
        List<Move> moves = Lifecycle.moves(engine, from, DAY, null, continued, retired, opening, move);
        Move m = moves.stream().filter(x -> x.to() == AreaState.CORRECTED).findFirst().orElse(null);
        assertEquals(allowed, m != null, moves.toString());
        if (m != null) assertTrue(m.isReasonRequired());
    }

    @Test
    void aRelapseCitesAMonitoringReport() {
        Move m = Lifecycle.moves(engine, AreaState.MONITORING, DAY, null, false, false, true, false).stream()
                .filter(x -> x.to() == AreaState.RELAPSED).findFirst().orElseThrow();
        assertTrue(m.isCitingReport() && m.isReasonRequired());
    }
}
