package vn.chuyenhoa.screening;

import java.math.BigDecimal;

import vn.chuyenhoa.kernel.Comparison;
import vn.chuyenhoa.evaluation.Fact;

/**
 * One table condition on one fact: a count (optionally per {@code per} residents, so 100 is a percentage of the
 * population and 10000 a rate per 10,000 residents) compared with a threshold, or a flag that must have a value.
 *
 * @param per       null for an absolute count
 * @param threshold null for a flag
 * @param expected  the value a flag must have; null for a count
 */
public record Condition(ScreeningFact fact, Long per, Comparison comparison, BigDecimal threshold, Boolean expected) {

    public boolean isFlag() { return fact.type() == Fact.Type.FLAG; }

    boolean perResidents() { return per != null; }
}
