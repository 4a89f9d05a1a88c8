package vn.chuyenhoa.programme;

/**
 * Where an area stands in one year's programme. The names are part of the API; which state may follow which is not
 * here but in rules/lifecycle.drl.
 */
public enum AreaState {
    CANDIDATE("Địa bàn được xem xét lựa chọn", "Candidate"),
    PROPOSED("Đã đề xuất đưa vào danh sách", "Proposed for the list"),
    APPROVED("Đã được phê duyệt chuyển hóa", "Approved for transformation"),
    IN_TRANSFORMATION("Đang chuyển hóa", "In transformation"),
    TRANSFORMED("Chuyển hóa thành công", "Transformed"),
    NOT_TRANSFORMED("Chưa đạt", "Not transformed"),
    MONITORING("Đang theo dõi sau chuyển hóa", "Monitored after transformation"),
    RELAPSED("Phức tạp trở lại", "Relapsed"),
    STABLE("Ổn định sau thời gian theo dõi", "Stable after the monitoring window"),
    /** A candidate (or proposed area) not taken further this year: the record ends here, kept with its reason. */
    DROPPED("Không đưa vào danh sách", "Dropped"),
    /**
     * Not a state but a step: the record follows its area to the new code list (domain spec §8.1) and stays in the
     * state it was in. {@link ProgrammeArea#stateOn} never returns it.
     */
    REORGANISED("Chuyển sang mã đơn vị hành chính mới (sắp xếp từ 01/07/2025)", "Moved to the new administrative unit (reform of 1 July 2025)"),
    /**
     * Not a state but a step: it voids the last step still standing, which was recorded by mistake, and the record is
     * back in the state before it; both stay in the history ({@link ProgrammeArea#corrections}).
     */
    CORRECTED("Đính chính: hủy bước ghi nhầm", "Correction: a mistaken step voided");

    private final String labelVi;
    private final String labelEn;

    AreaState(String labelVi, String labelEn) {
        this.labelVi = labelVi;
        this.labelEn = labelEn;
    }

    public String labelVi() { return labelVi; }

    public String labelEn() { return labelEn; }

    /** Approved into the year's programme: from here on the area counts as selected (domain spec §6). */
    public boolean selected() {
        return this != CANDIDATE && this != PROPOSED && this != DROPPED;
    }

    /** Selected, without a verdict yet. */
    public boolean inProgress() {
        return this == APPROVED || this == IN_TRANSFORMATION;
    }

    /** Transformed in this year's programme, whatever happened after recognition. */
    public boolean transformed() {
        return this == TRANSFORMED || this == MONITORING || this == RELAPSED || this == STABLE;
    }
}
