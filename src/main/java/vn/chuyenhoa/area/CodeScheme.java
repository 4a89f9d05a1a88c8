package vn.chuyenhoa.area;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The code list an area code belongs to. Needed because the 2025 reform reused commune codes:
 * a code alone does not say which unit is meant.
 */
@io.swagger.v3.oas.annotations.media.Schema(enumAsRef = true, description = "The code list of an area code: "
        + "QD124_2004 (QĐ 124/2004/QĐ-TTg, until 30 June 2025) or QD19_2025 (QĐ 19/2025/QĐ-TTg, from 1 July 2025)")
public enum CodeScheme {
    /** QĐ 124/2004/QĐ-TTg: province 2 digits, district 3, commune 5; valid until 30 June 2025. */
    QD124_2004,
    /** QĐ 19/2025/QĐ-TTg: province 2 digits, commune 5, no districts; from 1 July 2025. */
    QD19_2025;

    /**
     * The day the 2025 list took effect (Resolutions 1654–1687/NQ-UBTVQH15, QĐ 19/2025/QĐ-TTg) and the old one
     * ceased to name any unit. A fact of law that defines the two lists, not a policy value.
     */
    public static final LocalDate REFORM_DAY = LocalDate.of(2025, 7, 1);

    /** The list as people name it, by the decision that published it: "QĐ 124/2004/QĐ-TTg". */
    public String title() {
        return this == QD19_2025 ? "QĐ 19/2025/QĐ-TTg" : "QĐ 124/2004/QĐ-TTg";
    }

    /** The title of the list a scheme name (as the API spells it) names, or the name itself if it names none. */
    public static String titleOf(String name) {
        return parse(name).map(CodeScheme::title).orElse(name);
    }

    /** Whether the units of this list existed on the day. */
    public boolean inForceOn(LocalDate day) {
        return this == QD19_2025 ? !day.isBefore(REFORM_DAY) : day.isBefore(REFORM_DAY);
    }

    /**
     * Exact, case-sensitive: the API contract spells schemes one way, and accepting variants
     * here would let clients depend on spellings we never promised.
     */
    public static Optional<CodeScheme> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (CodeScheme scheme : values()) {
            if (scheme.name().equals(name)) {
                return Optional.of(scheme);
            }
        }
        return Optional.empty();
    }
}
