package vn.chuyenhoa.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The document's wording and decision, as read off its record types. */
class DocumentPartsTest {

    @Test
    void theWordingIsEveryTextInALanguageAndNothingElse() {
        assertEquals(Set.of("/profile/labelVi", "/profile/labelEn", "/profile/reasonVi", "/profile/reasonEn",
                "/criteria/*/labelVi", "/criteria/*/labelEn", "/criteria/*/explanationVi", "/criteria/*/explanationEn",
                "/criteria/*/remedyVi", "/criteria/*/remedyEn"), DocumentParts.WORDING);
    }

    @Test
    void aPointerIsWordingOnlyWhenItNamesOneOfThoseTexts() {
        assertTrue(DocumentParts.isWording("/profile/reasonVi"));
        assertTrue(DocumentParts.isWording("/criteria/12/explanationEn"));
        for (String decision : List.of("/verdict", "/profile/id", "/purpose", "/rulesetVersion", "/period/from",
                "/area/code", "/criteria/0/outcome", "/criteria/3/threshold", "/criteria/3/rule", "/criteria/3",
                "/criteria/3/legalBasis", "/criteria/3/source/row", "/missingFacts/0", "/verdictRule", "/facts/tipsReceived",
                "/profile/scope/provinceCode", "/profile/noteVi", "columns/verdict", "")) {
            assertFalse(DocumentParts.isWording(decision), decision);
        }
    }

    @Test
    void differencesArePartedWithoutLosingOne() {
        DocumentParts.Parted p = DocumentParts.part(List.of("/verdict", "/profile/reasonVi", "/criteria/1/outcome"));
        assertEquals(List.of("/verdict", "/criteria/1/outcome"), p.decision());
        assertEquals(List.of("/profile/reasonVi"), p.wording());
    }
}
