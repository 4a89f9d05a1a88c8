package vn.chuyenhoa.monitoring;

import vn.chuyenhoa.evaluation.Fact;

/**
 * The facts a relapse reason may test: every fact of an evaluation, plus whether the area was proposed for the list
 * again, which is a field of the report rather than a statistic.
 */
final class ReportFacts {

    public static final String PROPOSED_AGAIN = "proposedAgain";

    private ReportFacts() {}

    /** The type of a fact a table row names, or null when no report carries it. */
    static Fact.Type typeOf(String name) {
        if (PROPOSED_AGAIN.equals(name)) return Fact.Type.FLAG;
        Fact f = Fact.byName(name);
        return f == null ? null : f.type();
    }
}
