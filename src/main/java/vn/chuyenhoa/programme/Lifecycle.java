package vn.chuyenhoa.programme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.chuyenhoa.evaluation.Engine;

/** Asks rules/lifecycle.drl of one ruleset version which steps an area may take on a day. */
public final class Lifecycle {

    /** The DRL package of rules/lifecycle.drl: the only rules allowed to fire on a lifecycle query. */
    static final String RULES = "chuyenhoa.lifecycle";

    private Lifecycle() {}

    /**
     * @param state          null for an area not in the year's programme
     * @param monitoringEnds first day after the monitoring window, when monitored
     * @param continued      a later year's record already continues this one
     * @param retired        the record's area is an old unit on a day its code list is no longer in force
     * @param lastStepOpening the last step standing that day opened the record
     * @param lastStepMove   the last step standing that day was a REORGANISED move
     * @return allowed moves and moves possible only later, in the order of their target states
     */
    public static List<Move> moves(Engine engine, AreaState state, LocalDate onDate, LocalDate monitoringEnds,
                                   boolean continued, boolean retired, boolean lastStepOpening, boolean lastStepMove) {
        LifecycleQuery q = new LifecycleQuery(state, onDate, monitoringEnds, continued, retired, lastStepOpening,
                lastStepMove);
        engine.fire(Set.of(RULES), null, null, List.of(q));
        return q.moves().stream().sorted(java.util.Comparator.comparing(Move::to)).toList();
    }

    /**
     * The Vietnamese description of every step the rules can allow, by rule name. A recorded step keeps only its
     * rule's name (which is its English description); the Vietnamese one is written beside it in the rule, so it is
     * read from the rules, asked once about every state and circumstance, rather than kept a second time.
     */
    public static Map<String, String> labelsVi(Engine engine) {
        LocalDate day = vn.chuyenhoa.area.CodeScheme.REFORM_DAY;
        List<LifecycleQuery> all = new ArrayList<>();
        List<AreaState> states = new ArrayList<>(List.of(AreaState.values()));
        states.add(null);
        for (AreaState state : states) {
            for (int c = 0; c < 32; c++) {
                // bit 0: window over; then continued, retired, opening, move
                all.add(new LifecycleQuery(state, day, (c & 1) != 0 ? day : day.plusDays(1), (c & 2) != 0,
                        (c & 4) != 0, (c & 8) != 0, (c & 16) != 0));
            }
        }
        engine.fire(Set.of(RULES), null, null, all);
        Map<String, String> out = new HashMap<>();
        all.forEach(q -> q.moves().forEach(m -> out.putIfAbsent(m.rule(), m.labelVi())));
        return Map.copyOf(out);
    }
}
