package vn.chuyenhoa.ruleset;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import vn.chuyenhoa.evaluation.Kind;
import vn.chuyenhoa.evaluation.Policy;
import vn.chuyenhoa.evaluation.Profile;
import vn.chuyenhoa.evaluation.Requirement;
import vn.chuyenhoa.kernel.Numbers;
import vn.chuyenhoa.kernel.TableSource;

/**
 * Thresholds that look typed in the wrong unit: 0.8 where the version in force has 80, the 80% / 0.8 confusion of a
 * rate written as a fraction (the habit percent-formatted cells teach). The unit of a threshold is the kind of its
 * criterion — RATE and REDUCTION thresholds are percent — which the Criteria table says, so it is table metadata and
 * no policy number sits here: what is compared is the new value with the one in force, both table data.
 *
 * <p>A warning, not a refusal: a rate under 1% can be meant (a reduction of 0,5%), and whether it is, is the policy
 * decision of the people who approve it, not of the code. So the draft is kept and the warning goes with its report, on
 * the version page and on the approver's page beside the diff, where whoever puts it in force reads it first.
 */
final class UnitWarnings {

    private UnitWarnings() {}

    /** A warning for each percent threshold in (0, 1) of {@code now} whose requirement in force is 1 or more. */
    static List<LoadProblem> of(Policy now, Policy inForce) {
        List<LoadProblem> warnings = new ArrayList<>();
        for (Profile p : now.profiles()) {
            for (Requirement r : p.requirements()) {
                BigDecimal t = r.threshold();
                if (t == null || !(r.kind() == Kind.RATE || r.kind() == Kind.REDUCTION)) continue;
                if (t.signum() <= 0 || t.compareTo(BigDecimal.ONE) >= 0) continue;
                BigDecimal before = inForce.profile(p.id()).flatMap(o -> o.requirements().stream()
                        .filter(x -> x.id().equals(r.id())).findFirst()).map(Requirement::threshold).orElse(null);
                if (before == null || before.compareTo(BigDecimal.ONE) < 0) continue;
                warnings.add(warning(r, p, t, before));
            }
        }
        return warnings;
    }

    private static LoadProblem warning(Requirement r, Profile p, BigDecimal t, BigDecimal before) {
        TableSource s = r.source();
        String meantVi = Numbers.format(t.movePointRight(2), true), meantEn = Numbers.format(t.movePointRight(2), false);
        String vi = Numbers.format(t, true), en = Numbers.format(t, false);
        return new LoadProblem(s.file(), s.sheet(), s.row(), s.cell(), t.toPlainString(), "percent_as_fraction",
                "Ngưỡng của tiêu chí «" + r.criterion().labelVi() + "» trong bộ tiêu chí «" + p.labelVi()
                        + "» tính bằng phần trăm: " + vi + " nghĩa là " + vi + "%, còn phiên bản đang áp dụng là "
                        + Numbers.format(before, true) + "%. Nếu ý là " + meantVi + "% hãy gõ " + meantVi
                        + "; người phê duyệt cần xác nhận ngưỡng này trước khi áp dụng.",
                "The threshold of «" + r.criterion().labelEn() + "» (" + r.id() + ") in «" + p.labelEn()
                        + "» is in percent: " + en + " means " + en + "%, while the version in force has "
                        + Numbers.format(before, false) + "%. If " + meantEn + "% is meant, type " + meantEn
                        + "; the approver must confirm this threshold before putting it in force.");
    }
}
