package vn.chuyenhoa.evaluation;

import java.time.LocalDate;
import java.util.List;
import vn.chuyenhoa.kernel.TableSource;

/** One plan's criteria and thresholds: a row of the Profiles table with its rows of the Thresholds table. */
public record Profile(String id, String labelVi, String labelEn, Scope scope, LocalDate validFrom, LocalDate validTo,
                      String legalBasis, TableSource source, List<Requirement> requirements) {

    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }

    public boolean validityOverlaps(Profile other) {
        LocalDate end = validTo == null ? LocalDate.MAX : validTo;
        LocalDate otherEnd = other.validTo == null ? LocalDate.MAX : other.validTo;
        return !validFrom.isAfter(otherEnd) && !other.validFrom.isAfter(end);
    }
}
