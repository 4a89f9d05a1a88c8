package vn.chuyenhoa.evaluation;

import vn.chuyenhoa.kernel.Area;
import vn.chuyenhoa.kernel.Dates;
import vn.chuyenhoa.kernel.Period;

/** Which profile decided and why (api.md: {@code profile.selectedBy}, {@code reasonVi}, {@code reasonEn}). */
public record ProfileChoice(Profile profile, SelectedBy selectedBy, String reasonVi, String reasonEn) {

    public enum SelectedBy { CALLER, SCOPE }

    static ProfileChoice byCaller(Profile p) {
        return new ProfileChoice(p, SelectedBy.CALLER,
                "Bộ tiêu chí " + nameVi(p) + " do bên gửi yêu cầu chỉ định và được áp dụng đúng như chỉ định,"
                        + " không xét phạm vi hay thời gian hiệu lực.",
                "Profile " + p.id() + " was named by the caller (profileId) and is applied as given,"
                        + " whatever its scope and validity.");
    }

    static ProfileChoice byScope(Profile p, Area area, Period period) {
        String validity = p.validFrom() + " – " + (p.validTo() == null ? "…" : p.validTo());
        // Vietnamese as officers read it: the code list by its decision, dates dd/mm/yyyy (issue 15)
        String validityVi = Dates.format(p.validFrom()) + " – " + (p.validTo() == null ? "…" : Dates.format(p.validTo()));
        return new ProfileChoice(p, SelectedBy.SCOPE,
                "Bộ tiêu chí " + nameVi(p) + " được chọn vì phạm vi (" + p.scope().describeVi() + ") chứa địa bàn "
                        + area.code() + " (danh mục " + vn.chuyenhoa.area.CodeScheme.titleOf(area.codeScheme()) + ") và thời gian hiệu lực " + validityVi
                        + " chứa ngày kết thúc kỳ đánh giá " + Dates.format(period.to())
                        + "; đây là bộ tiêu chí cụ thể nhất phù hợp.",
                "Profile " + p.id() + " was chosen because its scope (" + p.scope().describeEn() + ") contains area "
                        + area.codeScheme() + " " + area.code() + " and its validity " + validity
                        + " contains the end of the evaluation period, " + period.to()
                        + "; it is the most specific matching profile.");
    }

    /** The profile as a Vietnamese sentence names it: by its name from the tables, its code only when it has none. */
    private static String nameVi(Profile p) {
        return p.labelVi() == null || p.labelVi().isBlank() ? p.id() : "“" + p.labelVi() + "”";
    }
}
