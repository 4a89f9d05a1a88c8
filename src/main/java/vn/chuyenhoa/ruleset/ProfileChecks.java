package vn.chuyenhoa.ruleset;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import vn.chuyenhoa.evaluation.Profile;
import vn.chuyenhoa.evaluation.Scope;

/**
 * The checks of the profiles taken together, once each row is read: two equally specific profiles must never both
 * apply, and every area must have a profile on every day. Each problem points at the cell policy staff have to change.
 */
final class ProfileChecks {

    private final Cells cells;
    private final List<LoadProblem> problems;

    ProfileChecks(Cells cells, List<LoadProblem> problems) {
        this.cells = cells;
        this.problems = problems;
    }

    /** Two equally specific profiles that could both decide the same area on the same day (domain spec §3.1). */
    void checkAmbiguity(List<Profile> profiles, Map<String, SheetRow> rows) {
        for (int i = 0; i < profiles.size(); i++) {
            for (int j = i + 1; j < profiles.size(); j++) {
                Profile a = profiles.get(i), b = profiles.get(j);
                if (a.scope().level() == b.scope().level() && a.scope().sameLevelOverlaps(b.scope()) && a.validityOverlaps(b)) {
                    cells.problem(rows.get(b.id()), "id", "ambiguous_profiles",
                            "Bộ tiêu chí " + b.id() + " và " + a.id() + " (dòng " + a.source().row() + ") có cùng phạm vi ("
                                    + b.scope().describeVi() + ") và thời gian hiệu lực chồng nhau, nên không xác định được bộ nào áp dụng.",
                            "Profiles " + b.id() + " and " + a.id() + " (row " + a.source().row() + ") have the same scope ("
                                    + b.scope().describeEn() + ") and overlapping validity, so neither can be chosen.");
                }
            }
        }
    }

    /**
     * Every area must have a profile on every date from the earliest validity onwards: the whole-country profiles
     * together must cover that span without a gap and stay open-ended. A gap is reported at the validFrom cell that
     * opens too late, an end at the validTo cell that closes the last one: the cells policy staff have to change.
     */
    void checkCoverage(List<Profile> profiles, Map<String, SheetRow> rows, List<SheetRow> profileRows) {
        List<Profile> national = profiles.stream().filter(p -> p.scope().level() == Scope.Level.NATIONAL)
                .sorted(Comparator.comparing(Profile::validFrom)).toList();
        if (national.isEmpty()) {
            String vi = "Không có bộ tiêu chí toàn quốc (hệ mã để trống): các địa bàn ngoài phạm vi các bộ tiêu chí địa phương sẽ không có tiêu chí nào.";
            String en = "There is no whole-country profile (blank code scheme): areas outside the local profiles would have no criteria.";
            problems.add(profileRows.isEmpty()
                    ? LoadProblem.ofFile(RulesetBuilder.TABLES_DIR, "no_profile_coverage", vi, en)
                    : new LoadProblem(profileRows.get(0).origin().file(), profileRows.get(0).origin().sheet(), null, null, null,
                            "no_profile_coverage", vi, en));
            return;
        }
        LocalDate earliest = profiles.stream().map(Profile::validFrom).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate coveredUntil = earliest.minusDays(1);
        for (Profile p : national) {
            if (p.validFrom().isAfter(coveredUntil.plusDays(1))) {
                LocalDate from = coveredUntil.plusDays(1), to = p.validFrom().minusDays(1);
                cells.problem(rows.get(p.id()), "validFrom", "no_profile_coverage",
                        "Từ " + from + " đến " + to + " không có bộ tiêu chí toàn quốc nào có hiệu lực.",
                        "From " + from + " to " + to + " no whole-country profile is valid.");
            }
            if (p.validTo() == null) return;
            if (p.validTo().isAfter(coveredUntil)) coveredUntil = p.validTo();
        }
        Profile last = national.stream().filter(p -> p.validTo() != null)
                .max(Comparator.comparing(Profile::validTo)).orElseThrow();
        cells.problem(rows.get(last.id()), "validTo", "no_profile_coverage",
                "Sau ngày " + coveredUntil + " không còn bộ tiêu chí toàn quốc nào có hiệu lực: các địa bàn sẽ không có tiêu chí. Hãy để trống ngày hết hiệu lực của một bộ tiêu chí toàn quốc.",
                "After " + coveredUntil + " no whole-country profile is valid, so areas would have no criteria. Leave one whole-country profile's end date blank.");
    }
}
