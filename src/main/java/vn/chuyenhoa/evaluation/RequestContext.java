package vn.chuyenhoa.evaluation;

import java.time.LocalDate;
import java.util.Optional;

import vn.chuyenhoa.area.Reform;

/**
 * What the parser must know of the world to judge a request: the area lists and the profiles of the
 * active rules. Kept as an interface so the parser depends on neither.
 */
public interface RequestContext {

    boolean isKnownScheme(String codeScheme);

    boolean isKnownCode(String codeScheme, String code);

    /** Compares as domain spec §8 says (NFC, case, blanks, old/new tone-mark placement). */
    boolean nameMatches(String codeScheme, String code, String name);

    boolean isKnownProfile(String profileId);

    /** Whether some profile valid on {@code date} has a scope that contains the area. */
    boolean isCoveredByAProfile(String codeScheme, String code, LocalDate date);

    /**
     * The {@code unit_reorganised} refusal (domain spec §8.1) when the area's code list was not in force on the
     * period's last day; empty otherwise.
     */
    Optional<Reform.Refusal> reorganised(String codeScheme, String code, LocalDate periodEnd);
}
