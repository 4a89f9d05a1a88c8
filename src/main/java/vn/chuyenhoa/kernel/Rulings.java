package vn.chuyenhoa.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one collector behind every feature's DRL global: what each rule decided, in firing order, and the conclusions
 * of which exactly one rule may fire (a verdict, a drug-area type, a status), each with the rule's name, so that every
 * result can say which rule gave it. The features' globals ({@code Decisions}, {@code MonitoringDecisions},
 * {@code ScreeningDecisions}) only name its methods the way their DRL, and every stored ruleset version, calls them.
 */
public class Rulings {

    /** A conclusion and the rule that drew it; {@code value} may be null ("no type is met"). */
    private record Conclusion(Object value, String rule) {}

    private final List<Object> decided = new ArrayList<>(16);
    private final Map<String, Conclusion> conclusions = new HashMap<>(4);

    /** Keeps a decision and hands it back, so that the rule can insert it for the rules that combine decisions. */
    protected final <T> T decided(T decision) {
        decided.add(decision);
        return decision;
    }

    /** @throws IllegalStateException when a second rule draws the same conclusion: the DRL must say one thing */
    protected final void conclude(String what, Object value, String rule) {
        Conclusion earlier = conclusions.putIfAbsent(what, new Conclusion(value, rule));
        if (earlier != null) throw new IllegalStateException("two " + what + " rules fired: " + earlier.rule() + " and " + rule);
    }

    /** The decisions of one type, in firing order. */
    protected final <T> List<T> decided(Class<T> type) {
        List<T> of = new ArrayList<>(decided.size());
        for (Object d : decided) if (type.isInstance(d)) of.add(type.cast(d));
        return of;
    }

    /** What was concluded; null while no rule drew it, or when the rule concluded "none". */
    protected final <T> T concluded(String what, Class<T> type) {
        Conclusion c = conclusions.get(what);
        return c == null ? null : type.cast(c.value());
    }

    /** The rule that drew the conclusion; null while none did. */
    protected final String ruleOf(String what) {
        Conclusion c = conclusions.get(what);
        return c == null ? null : c.rule();
    }
}
