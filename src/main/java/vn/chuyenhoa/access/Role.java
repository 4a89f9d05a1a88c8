package vn.chuyenhoa.access;

/** The kinds of user (issue 6). Spring sees each as the authority {@code ROLE_<name>}. */
public enum Role {
    EVALUATOR("Hệ thống gửi đánh giá", "System submitting evaluations"),
    PROGRAMME_OFFICER("Cán bộ chương trình", "Programme officer"),
    RULE_EDITOR("Người soạn quy tắc", "Rule editor"),
    RULE_APPROVER("Người phê duyệt quy tắc", "Rule approver"),
    AUDITOR("Kiểm tra viên", "Auditor"),
    ADMIN("Quản trị", "Administrator"),
    MONITOR("Giám sát vận hành", "Monitoring system");

    public final String labelVi;
    public final String labelEn;

    Role(String labelVi, String labelEn) {
        this.labelVi = labelVi;
        this.labelEn = labelEn;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
