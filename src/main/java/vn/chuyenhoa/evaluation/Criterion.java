package vn.chuyenhoa.evaluation;

import java.util.List;
import vn.chuyenhoa.kernel.Comparison;
import vn.chuyenhoa.kernel.TableSource;

/**
 * One row of the criterion catalogue. {@code facts} are the numerator (and denominator) of a rate, the single fact of
 * a count or flag; for REDUCTION and BELOW_BASELINE {@code basis} names the default fact stems ("crimes").
 */
public record Criterion(String id, String labelVi, String labelEn, Kind kind, Comparison comparison,
                        Fact fact, Fact denominator, List<String> basis,
                        String remedyVi, String remedyEn, String legalBasis, TableSource source) {}
