package vn.chuyenhoa.evaluation;

import vn.chuyenhoa.area.AdminUnit;
import vn.chuyenhoa.area.CodeScheme;
import vn.chuyenhoa.kernel.Area;
import vn.chuyenhoa.kernel.Dates;
import vn.chuyenhoa.kernel.Period;

/**
 * Which profile decided and how (api.md: {@code profile.selectedBy}). The sentences saying why ({@code reasonVi},
 * {@code reasonEn}) are written with the document, where the official lists can name the area and the scope's units
 * beside their codes; deciding needs neither.
 */
public record ProfileChoice(Profile profile, SelectedBy selectedBy) {

    public enum SelectedBy { CALLER, SCOPE }

    static ProfileChoice byCaller(Profile p) {
        return new ProfileChoice(p, SelectedBy.CALLER);
    }

    static ProfileChoice byScope(Profile p) {
        return new ProfileChoice(p, SelectedBy.SCOPE);
    }

    /**
     * @param unit the area as the official list has it, to name it and the scope's province and district beside their
     *             codes ("Tỉnh Bắc Giang (24)"); null leaves the codes alone
     */
    String reasonVi(Area area, Period period, AdminUnit unit) {
        Profile p = profile;
        if (selectedBy == SelectedBy.CALLER) {
            return "Bộ tiêu chí " + nameVi(p) + " do bên gửi yêu cầu chỉ định và được áp dụng đúng như chỉ định,"
                    + " không xét phạm vi hay thời gian hiệu lực.";
        }
        // Vietnamese as officers read it: the code list by its decision, dates dd/mm/yyyy (issue 15), names beside codes
        String validityVi = Dates.format(p.validFrom()) + " – " + (p.validTo() == null ? "…" : Dates.format(p.validTo()));
        return "Bộ tiêu chí " + nameVi(p) + " được chọn vì phạm vi (" + p.scope().describeVi(unit) + ") chứa địa bàn "
                + (unit == null ? area.code() : unit.name() + " (" + area.code() + ")")
                + " (danh mục " + CodeScheme.titleOf(area.codeScheme()) + ") và thời gian hiệu lực " + validityVi
                + " chứa ngày kết thúc kỳ đánh giá " + Dates.format(period.to()) + "; đây là bộ tiêu chí cụ thể nhất phù hợp.";
    }

    String reasonEn(Area area, Period period) {
        Profile p = profile;
        if (selectedBy == SelectedBy.CALLER) {
            return "Profile " + p.id() + " was named by the caller (profileId) and is applied as given,"
                    + " whatever its scope and validity.";
        }
        String validity = p.validFrom() + " – " + (p.validTo() == null ? "…" : p.validTo());
        return "Profile " + p.id() + " was chosen because its scope (" + p.scope().describeEn() + ") contains area "
                + area.codeScheme() + " " + area.code() + " and its validity " + validity
                + " contains the end of the evaluation period, " + period.to() + "; it is the most specific matching profile.";
    }

    /** The profile as a Vietnamese sentence names it: by its name from the tables, its code only when it has none. */
    private static String nameVi(Profile p) {
        return p.labelVi() == null || p.labelVi().isBlank() ? p.id() : "“" + p.labelVi() + "”";
    }
}
