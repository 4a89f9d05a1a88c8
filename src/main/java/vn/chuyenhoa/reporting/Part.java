package vn.chuyenhoa.reporting;

/** The parts of a calendar report, in the order the report gives them. */
public enum Part {
    SELECTED("Địa bàn được lựa chọn chuyển hóa trong năm", "Areas selected for the year"),
    IN_TRANSFORMATION("Địa bàn đang thực hiện chuyển hóa", "Areas being transformed"),
    EVALUATED("Địa bàn được đánh giá trong kỳ", "Areas evaluated in the period"),
    RECOGNISED("Địa bàn được công nhận chuyển hóa thành công trong kỳ", "Areas recognised as transformed in the period"),
    CARRIED_OVER("Địa bàn chưa đạt được chuyển tiếp sang năm sau trong kỳ", "Areas carried over to the next year in the period"),
    MONITORING("Địa bàn đang theo dõi sau chuyển hóa", "Areas monitored after transformation"),
    RELAPSED("Địa bàn phức tạp trở lại trong kỳ", "Areas that relapsed in the period"),
    OVERDUE("Địa bàn quá thời hạn chuyển hóa", "Areas past their planned end");

    private final String labelVi;
    private final String labelEn;

    Part(String labelVi, String labelEn) {
        this.labelVi = labelVi;
        this.labelEn = labelEn;
    }

    public String labelVi() { return labelVi; }

    public String labelEn() { return labelEn; }

    public String label(boolean en) { return en ? labelEn : labelVi; }
}
