package vn.chuyenhoa.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.evaluation.Verdict;
import vn.chuyenhoa.ruleset.RuleFiles;
import vn.chuyenhoa.ruleset.RulesetBuilder;

/**
 * The lifecycle graph of issue 4 through the real build of rules/lifecycle.drl (sharing its knowledge base with the
 * evaluation and calendar rules): from each state exactly the steps the issue names, each with what it needs.
 */
class LifecycleRulesTest {

    static Engine engine;
    static final LocalDate DAY = LocalDate.of(2024, 6, 1);

    @BeforeAll
    static void build() throws Exception {
        engine = RulesetBuilder.build(RuleFiles.read(Path.of(""), List.of("rules", "decision-tables")), "TEST").engine();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        // from,            allowed now (by hand from issue 4)
        "NEW,               CANDIDATE",
        "CANDIDATE,         PROPOSED",
        "PROPOSED,          APPROVED",
        "APPROVED,          IN_TRANSFORMATION",
        "IN_TRANSFORMATION, TRANSFORMED NOT_TRANSFORMED",
        "TRANSFORMED,       MONITORING",
        "NOT_TRANSFORMED,   IN_TRANSFORMATION",
        "RELAPSED,          CANDIDATE",
        "STABLE,            ''",
    })
    void stepsAllowedFromEachState(String from, String allowed) {
        AreaState state = from.equals("NEW") ? null : AreaState.valueOf(from);
        List<Move> moves = Lifecycle.moves(engine, state, DAY, null, false, false);
        assertEquals(allowed.isBlank() ? List.of() : List.of(allowed.split(" ")),
                moves.stream().filter(m -> !m.isLater()).map(m -> m.to().name()).toList());
    }

    @Test
    void approvalNeedsADecisionAndPinsTheProfile() {
        Move m = only(Lifecycle.moves(engine, AreaState.PROPOSED, DAY, null, false, false));
        assertTrue(m.isDecisionRequired());
        assertTrue(m.isPinningProfile());
        assertNull(m.citedVerdict());
        assertEquals(Move.Year.SAME, m.year());
    }

    @Test
    void eachVerdictCitesAnEvaluationWithThatVerdict() {
        List<Move> moves = Lifecycle.moves(engine, AreaState.IN_TRANSFORMATION, DAY, null, false, false);
        assertEquals(Verdict.TRANSFORMED, moves.get(0).citedVerdict());
        assertEquals(Verdict.NOT_TRANSFORMED, moves.get(1).citedVerdict());
        assertFalse(moves.get(0).isDecisionRequired(), "recognition may be recorded without a decision number");
    }

    @Test
    void carryOverLeadsIntoNextYearAndPinsAgain() {
        Move m = only(Lifecycle.moves(engine, AreaState.NOT_TRANSFORMED, DAY, null, false, false));
        assertEquals(Move.Year.NEXT, m.year());
        assertTrue(m.isPinningProfile());
        assertEquals(List.of(), Lifecycle.moves(engine, AreaState.NOT_TRANSFORMED, DAY, null, true, false), "only once");
    }

    @Test
    void aRelapsedAreaIsACandidateOfALaterYearOnce() {
        assertEquals(Move.Year.LATER, only(Lifecycle.moves(engine, AreaState.RELAPSED, DAY, null, false, false)).year());
        assertEquals(List.of(), Lifecycle.moves(engine, AreaState.RELAPSED, DAY, null, true, false));
    }

    @Test
    void monitoringEndsAsStableOnlyOnceTheWindowHasPassed() {
        LocalDate ends = LocalDate.of(2024, 6, 2);
        List<Move> before = Lifecycle.moves(engine, AreaState.MONITORING, DAY, ends, false, false);
        assertEquals(List.of(AreaState.RELAPSED, AreaState.STABLE), before.stream().map(Move::to).toList());
        assertTrue(before.get(0).isReasonRequired(), "a relapse says why");
        assertTrue(before.get(1).isLater());
        assertEquals(ends, before.get(1).availableFrom());

        List<Move> onTheDay = Lifecycle.moves(engine, AreaState.MONITORING, ends, ends, false, false);
        assertEquals(List.of(AreaState.RELAPSED, AreaState.STABLE), onTheDay.stream().map(Move::to).toList());
        assertFalse(onTheDay.get(1).isLater());
    }

    /** Domain spec §8.1: an old commune's record after the reform only follows its area, from whatever state. */
    @ParameterizedTest
    @CsvSource({"CANDIDATE", "APPROVED", "IN_TRANSFORMATION", "MONITORING", "STABLE", "NOT_TRANSFORMED"})
    void aRecordOnAnOldUnitAfterTheReformOnlyFollowsItsArea(String from) {
        LocalDate after = LocalDate.of(2025, 7, 1);
        Move m = only(Lifecycle.moves(engine, AreaState.valueOf(from), after, LocalDate.of(2027, 12, 21), false, true));
        assertEquals(AreaState.REORGANISED, m.to());
        assertTrue(m.isFollowingArea());
        assertEquals(Move.Year.SAME, m.year());
        assertFalse(m.isPinningProfile(), "the record keeps the profile pinned at approval");
    }

    private static Move only(List<Move> moves) {
        assertEquals(1, moves.size(), moves::toString);
        return moves.get(0);
    }
}
