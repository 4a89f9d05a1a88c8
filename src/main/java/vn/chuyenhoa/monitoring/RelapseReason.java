package vn.chuyenhoa.monitoring;

import java.math.BigDecimal;
import java.util.List;

import vn.chuyenhoa.kernel.Comparison;
import vn.chuyenhoa.evaluation.Fact;
import vn.chuyenhoa.kernel.TableSource;

/**
 * One reason a recognised area counts as relapsed, as one profile sets it. A row with {@code enabled} false switches
 * the reason off for that profile, and the response says so.
 *
 * @param fact      for FLAG and COUNT: the fact tested ({@link ReportFacts})
 * @param baseline  for ABOVE_BASELINE: the baseline facts summed (e.g. crimesBaseline)
 * @param current   for ABOVE_BASELINE: the facts of the monitoring period summed (e.g. crimesCurrent)
 * @param threshold COUNT: the count; ABOVE_BASELINE: percent above the baseline (0 = any increase); null for FLAG
 * @param expected  FLAG: the value that makes it a relapse
 */
record RelapseReason(String profileId, String id, boolean enabled, Kind kind, String fact, List<Fact> baseline,
                            List<Fact> current, Comparison comparison, BigDecimal threshold, Boolean expected,
                            String labelVi, String labelEn, String legalBasis, TableSource source,
                            TableSource enabledSource) {

    public enum Kind { FLAG, COUNT, ABOVE_BASELINE }

    public RelapseReason {
        baseline = List.copyOf(baseline);
        current = List.copyOf(current);
    }
}
