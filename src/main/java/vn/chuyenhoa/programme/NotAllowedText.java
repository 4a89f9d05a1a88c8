package vn.chuyenhoa.programme;

import java.util.List;


/**
 * Why a step is not allowed, where the area stands and what it may do instead (and what only later, from when): the
 * 409's detail in the API and the refusal on the officer's form, one text for both.
 */
record NotAllowedText(String en, String vi) {

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public static NotAllowedText of(ProgrammeException.NotAllowed e) {
        AreaStatus s = e.status();
        ProgrammeArea a = s.area();
        List<Move> allowed = s.allowed();
        String listEn = allowed.isEmpty() ? "none; " + s.state() + " is final for this record"
                : String.join(", ", allowed.stream().map(m -> m.to() + " (" + m.rule() + ")").toList());
        // the Vietnamese sentence names states by their labels and days as Vietnamese write them: officers read it
        String listVi = allowed.isEmpty() ? "không có; " + s.state().labelVi() + " là trạng thái cuối của hồ sơ này"
                : String.join(", ", allowed.stream().map(m -> m.to().labelVi() + " (" + m.labelVi() + ")").toList());
        StringBuilder en = new StringBuilder("Area " + a.areaCode() + " of the " + a.year() + " programme is " + s.state()
                + " on " + s.asOf() + "; it cannot go to " + e.requested() + ". Allowed from " + s.state() + ": " + listEn + ".");
        StringBuilder vi = new StringBuilder("Địa bàn " + a.areaCode() + " trong chương trình năm " + a.year() + " đang ở trạng thái "
                + s.state().labelVi() + " ngày " + DAY.format(s.asOf()) + "; không thể chuyển sang " + e.requested().labelVi()
                + ". Được phép: " + listVi + ".");
        for (Move later : s.later()) {
            if (later.to() != e.requested()) continue;
            en.append(" ").append(later.to()).append(" becomes possible on ").append(later.availableFrom())
                    .append(" (").append(later.rule()).append(").");
            vi.append(" Từ ngày ").append(DAY.format(later.availableFrom())).append(" mới chuyển sang ").append(later.to().labelVi())
                    .append(" được (").append(later.labelVi()).append(").");
        }
        return new NotAllowedText(en.toString(), vi.toString());
    }
}
