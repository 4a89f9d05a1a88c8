package vn.chuyenhoa.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import vn.chuyenhoa.kernel.Comparison;
import vn.chuyenhoa.kernel.Numbers;

/**
 * One report of the reporting calendar for a province (or, before the 2025 reform, a district): what stood on the
 * period's last day and what happened within it, each area named beside its code.
 *
 * @param calendarProfileVi the profile whose calendar settings dated the period, named beside its id
 * @param asOf        the period's last day: every figure is "tính đến ngày" this day
 * @param provisional the programme year is still running on {@code asOf}: a share below target is not yet a failure
 */
record ProvinceReport(ReportUnit unit, int year, ReportingPeriod period, String calendarProfileVi, String calendarProfileEn,
                             LocalDate asOf, boolean provisional, List<Section> sections, List<Target> targets) {

    /** The province or district a report is about, in the code list in force on the period's last day. */
    public record ReportUnit(String codeScheme, String provinceCode, String provinceName, String districtCode,
                             String districtName) {

        /** "Tỉnh Điện Biên (11)" or "Thành phố Điện Biên Phủ (094), Tỉnh Điện Biên (11)". */
        public String label() {
            String province = provinceName + " (" + provinceCode + ")";
            return districtCode == null ? province : districtName + " (" + districtCode + "), " + province;
        }
    }

    /** What one part of the report counts, and the areas it counts. */
    public record Section(Part part, List<Entry> entries) {
        public int count() {
            return entries.size();
        }

        /** The count as the reader's language writes numbers. */
        public String countText(boolean vi) {
            return Numbers.format(count(), vi);
        }
    }

    /**
     * One area in a part of the report.
     *
     * @param year the programme year of the area's record
     * @param href the area's record page
     */
    public record Entry(int year, String areaCode, String areaName, String districtName, String detailVi,
                        String detailEn, String href) {}

    /**
     * A target of the programme settings table against what the period achieved.
     *
     * @param percent null when nothing is counted yet (no denominator)
     * @param target  null when no profile sets one
     * @param met     null when there is nothing to compare
     * @param source  the table cell that set the target
     */
    public record Target(String labelVi, String labelEn, int numerator, int denominator, BigDecimal percent,
                         BigDecimal target, Boolean met, String source, String legalBasis) {

        /** "95,45% (42/44)", or "— (0/0)" when nothing is counted yet. */
        public String achieved(boolean vi) {
            String ratio = Numbers.format(numerator, vi) + "/" + Numbers.format(denominator, vi);
            return percent == null ? "— (" + ratio + ")" : Numbers.format(percent, vi, true) + "% (" + ratio + ")";
        }

        /** "≥ 60%", as every page writes a target. */
        public String targetText(boolean vi) {
            return target == null ? (vi ? "không có" : "none") : Comparison.GE.bound(target, vi) + "%";
        }

        /** Met, not met, or still running: a share below target before the year's report is no failure yet. */
        public String assessment(boolean provisional, boolean en) {
            // the programme figures leave a running year's share unjudged (met is null): it is in progress, not empty
            if (met == null && (!provisional || percent == null)) return en ? "Nothing to compare yet" : "Chưa có số liệu để so sánh";
            if (Boolean.TRUE.equals(met)) return en ? "Met" : "Đạt";
            return provisional ? (en ? "In progress (year not over)" : "Đang thực hiện (năm chưa kết thúc)") : (en ? "Not met" : "Chưa đạt");
        }
    }
}
