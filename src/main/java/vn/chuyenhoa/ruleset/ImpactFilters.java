package vn.chuyenhoa.ruleset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.area.CodeScheme;
import vn.chuyenhoa.http.FieldError;
import vn.chuyenhoa.http.Shown;

/**
 * Impact-preview filters that would match nothing, for the page and the API alike: a province no code list has or a
 * profile the version lacks would run a preview over nothing and report "0 / 0" as if nothing changed.
 */
final class ImpactFilters {

    private ImpactFilters() {}

    /**
     * @param codeScheme the code list the province is looked up in, or null for any
     * @return one error per filter that names nothing, sorted by field as every 400 lists them
     */
    static List<FieldError> unknown(AreaDirectory areas, RulesetSnapshot version, String codeScheme, String provinceCode,
                                    String profileId) {
        List<FieldError> errors = new ArrayList<>();
        List<CodeScheme> schemes = codeScheme == null ? Arrays.asList(CodeScheme.values())
                : CodeScheme.parse(codeScheme).map(List::of).orElse(List.of());
        if (profileId != null && version.engine().policy().profile(profileId).isEmpty()) {
            String shown = Shown.clip(profileId);
            errors.add(new FieldError("profileId", "unknown_value", "This version has no profile «" + shown + "».",
                    "Phiên bản này không có bộ tiêu chí mã «" + shown + "»."));
        }
        if (provinceCode != null && !schemes.isEmpty() && schemes.stream().allMatch(c -> areas.communesOf(c, provinceCode).isEmpty())) {
            String shown = Shown.clip(provinceCode);
            errors.add(new FieldError("provinceCode", "unknown_value",
                    "No province has the code «" + shown + "» in " + (codeScheme == null ? "the lists of administrative units." : "the list " + codeScheme + "."),
                    "Không có tỉnh nào mang mã «" + shown + "» trong " + (codeScheme == null ? "các danh mục đơn vị hành chính."
                            : "danh mục " + schemes.get(0).title() + ".")));
        }
        return errors;
    }
}
