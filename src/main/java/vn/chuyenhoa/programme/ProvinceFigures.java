package vn.chuyenhoa.programme;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.chuyenhoa.kernel.Area;
import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.evaluation.Profile;
import vn.chuyenhoa.evaluation.ProgrammeSettings;
import vn.chuyenhoa.evaluation.Setting;

/**
 * A province's figures for a range of programme years against the targets of the tables (domain spec §6).
 *
 * <p><b>How areas count.</b> An area counts once per programme year it is in: every (area, year) record is counted
 * in its own year, by its state on {@code asOf} (a record with no step in effect by then is left out).
 * <ul>
 *   <li>selected: approved into the year's programme, i.e. APPROVED or any later state; candidates and proposed
 *       areas are listed and counted apart, not as selected;</li>
 *   <li>transformed: TRANSFORMED, MONITORING, RELAPSED or STABLE, i.e. transformed in that year, whatever followed;</li>
 *   <li>not transformed: NOT_TRANSFORMED. A carried-over area stays NOT_TRANSFORMED in year Y, and is selected again
 *       in Y+1, where it counts by its state there (in progress, then transformed or not);</li>
 *   <li>in progress: APPROVED or IN_TRANSFORMATION; overdue: in progress and past its planned end on {@code asOf};</li>
 *   <li>relapsed: RELAPSED, among the transformed; a relapsed area proposed again is a new record in a later year.</li>
 * </ul>
 * A range adds up its years, so an area carried over from Y to Y+1 counts as selected twice in a range holding
 * both (once not transformed, once by its later state). Shares are exact ratios (transformed / selected, and
 * (transformed − relapsed) / transformed), shown rounded half-up to 2 decimals and compared exactly with the target
 * ("at least"). A record counts in the province where its area is at the end of its programme year (or on
 * {@code asOf}, if earlier): a year before the 2025 reform stays with the old province; from 2025 a record that
 * followed its area by a REORGANISED step counts in the new one. A year's targets are those of the profile governing the whole province on 31 December of that year
 * (the most specific national or provincial profile); a range uses the targets in force at the end of its last year.
 */
public final class ProvinceFigures {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public record Counts(int candidates, int proposed, int selected, int transformed, int notTransformed,
                         int inProgress, int overdue, int monitoring, int stable, int relapsed) {

        int notRelapsed() { return transformed - relapsed; }
    }

    /**
     * @param percent null when the denominator is 0
     * @param target  null when no profile with programme settings governs the province then
     * @param met     null when there is nothing to compare
     */
    public record Share(int numerator, int denominator, BigDecimal percent, String targetProfileId,
                        Setting<BigDecimal> target, Boolean met) {}

    /** Against the year before; share changes in percentage points, as the rounded shares differ, null if either is. */
    public record Change(int previousYear, int selected, int transformed, int notTransformed,
                         BigDecimal transformedSharePoints, BigDecimal notRelapsedSharePoints) {}

    public record YearFigures(int year, Counts counts, Share transformedShare, Share notRelapsedShare,
                              Change changeFromPreviousYear) {}

    public record Total(Counts counts, Share transformedShare, Share notRelapsedShare) {}

    /** @param areas the records of the range counted, with their status on {@code asOf} */
    public record Figures(int fromYear, int toYear, LocalDate asOf, List<YearFigures> years, Total total,
                          List<AreaStatus> areas) {}

    private ProvinceFigures() {}

    /**
     * @param records every record of the province (the year before the range is needed for the change, and records of
     *                other years are ignored)
     */
    public static Figures compute(Engine engine, ProgrammeService service, String codeScheme, String provinceCode,
                                  List<ProgrammeArea> records, int fromYear, int toYear, LocalDate asOf) {
        List<AreaStatus> statuses = new ArrayList<>();
        for (ProgrammeArea a : records) {
            if (a.year() < fromYear - 1 || a.year() > toYear) continue;
            // by the provinces of the period (domain spec §8.1): a record counts where its area is at the end of its
            // programme year (or on asOf, if earlier), so the years before the reform stay with the old provinces, and
            // from 2025 a new province counts the records that moved into it
            Unit u = a.unitOfYear(asOf);
            if (!u.codeScheme().equals(codeScheme) || !u.provinceCode().equals(provinceCode)) continue;
            AreaStatus s = service.status(engine, a, asOf, false);
            if (s.state() != null) statuses.add(s);
        }
        Area province = new Area(codeScheme, null, null, null, provinceCode);
        List<YearFigures> years = new ArrayList<>();
        Counts previous = counts(statuses, fromYear - 1, fromYear - 1);
        Share previousShare = transformedShare(previous, targets(engine, province, fromYear - 1));
        Share previousKept = notRelapsedShare(previous, targets(engine, province, fromYear - 1));
        for (int y = fromYear; y <= toYear; y++) {
            Counts c = counts(statuses, y, y);
            Optional<ProgrammeSettings> t = targets(engine, province, y);
            Share share = transformedShare(c, t);
            Share kept = notRelapsedShare(c, t);
            years.add(new YearFigures(y, c, share, kept, new Change(y - 1, c.selected() - previous.selected(),
                    c.transformed() - previous.transformed(), c.notTransformed() - previous.notTransformed(),
                    points(share, previousShare), points(kept, previousKept))));
            previous = c;
            previousShare = share;
            previousKept = kept;
        }
        Counts all = counts(statuses, fromYear, toYear);
        Optional<ProgrammeSettings> t = targets(engine, province, toYear);
        List<AreaStatus> listed = statuses.stream().filter(s -> s.area().year() >= fromYear).toList();
        return new Figures(fromYear, toYear, asOf, years,
                new Total(all, transformedShare(all, t), notRelapsedShare(all, t)), listed);
    }

    private static Counts counts(List<AreaStatus> statuses, int fromYear, int toYear) {
        int candidates = 0, proposed = 0, selected = 0, transformed = 0, notTransformed = 0, inProgress = 0,
                overdue = 0, monitoring = 0, stable = 0, relapsed = 0;
        for (AreaStatus s : statuses) {
            if (s.area().year() < fromYear || s.area().year() > toYear) continue;
            AreaState st = s.state();
            if (st == AreaState.CANDIDATE) candidates++;
            if (st == AreaState.PROPOSED) proposed++;
            if (st.selected()) selected++;
            if (st.transformed()) transformed++;
            if (st == AreaState.NOT_TRANSFORMED) notTransformed++;
            if (st.inProgress()) inProgress++;
            if (s.overdue()) overdue++;
            if (st == AreaState.MONITORING) monitoring++;
            if (st == AreaState.STABLE) stable++;
            if (st == AreaState.RELAPSED) relapsed++;
        }
        return new Counts(candidates, proposed, selected, transformed, notTransformed, inProgress, overdue,
                monitoring, stable, relapsed);
    }

    /** The settings of the profile governing the whole province at the end of the year. */
    private static Optional<ProgrammeSettings> targets(Engine engine, Area province, int year) {
        return engine.policy().resolve(province, LocalDate.of(year, 12, 31)).map(Profile::id)
                .flatMap(engine.policy()::programme);
    }

    private static Share transformedShare(Counts c, Optional<ProgrammeSettings> t) {
        return share(c.transformed(), c.selected(), t.map(ProgrammeSettings::profileId).orElse(null),
                t.map(ProgrammeSettings::targetTransformedPercent).orElse(null));
    }

    private static Share notRelapsedShare(Counts c, Optional<ProgrammeSettings> t) {
        return share(c.notRelapsed(), c.transformed(), t.map(ProgrammeSettings::profileId).orElse(null),
                t.map(ProgrammeSettings::targetNotRelapsedPercent).orElse(null));
    }

    private static Share share(int numerator, int denominator, String profileId, Setting<BigDecimal> target) {
        if (denominator == 0) return new Share(numerator, denominator, null, profileId, target, null);
        BigDecimal percent = BigDecimal.valueOf(numerator).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
        // exactly: numerator / denominator ≥ target / 100, without rounding the share first
        Boolean met = target == null ? null : BigDecimal.valueOf(numerator).multiply(HUNDRED)
                .compareTo(target.value().multiply(BigDecimal.valueOf(denominator))) >= 0;
        return new Share(numerator, denominator, percent, profileId, target, met);
    }

    private static BigDecimal points(Share now, Share before) {
        return now.percent() == null || before.percent() == null ? null : now.percent().subtract(before.percent());
    }
}
