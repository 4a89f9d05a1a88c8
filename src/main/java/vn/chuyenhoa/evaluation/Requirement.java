package vn.chuyenhoa.evaluation;

import java.math.BigDecimal;
import java.util.List;
import vn.chuyenhoa.kernel.Comparison;
import vn.chuyenhoa.kernel.TableSource;

/**
 * A criterion as one profile requires it: the catalogue row joined with the profile's threshold row. Immutable and
 * shared by every evaluation on the same ruleset snapshot.
 *
 * @param threshold    the number to compare with (percent for rates and reductions); null for flags and BELOW_BASELINE
 * @param expectedFlag the value a FLAG criterion needs
 * @param baseline     for REDUCTION and BELOW_BASELINE, the baseline facts that are summed
 * @param current      for REDUCTION and BELOW_BASELINE, the current facts that are summed
 */
public record Requirement(Criterion criterion, BigDecimal threshold, Boolean expectedFlag,
                          List<Fact> baseline, List<Fact> current, String legalBasis, TableSource source) {

    public String id() { return criterion.id(); }

    public Kind kind() { return criterion.kind(); }

    public Comparison comparison() { return criterion.comparison(); }
}
