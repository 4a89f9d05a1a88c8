package vn.chuyenhoa.evaluation;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.text.Normalizer;
import java.time.LocalDate;

import vn.chuyenhoa.kernel.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.chuyenhoa.http.FieldError;
import vn.chuyenhoa.http.Parsed;
import vn.chuyenhoa.area.AreaRef;

class EvaluationRequestParserTest {

    /** Knows just the seed area of Việt Yên and two profiles, one of them valid since 2017. */
    private static final class FakeContext implements RequestContext {
        @Override
        public boolean isKnownScheme(String codeScheme) {
            return codeScheme.equals("QD124_2004") || codeScheme.equals("QD19_2025");
        }

        @Override
        public boolean isKnownCode(String codeScheme, String code) {
            return codeScheme.equals("QD124_2004") && code.equals("07795");
        }

        @Override
        public boolean nameMatches(String codeScheme, String code, String name) {
            return folded(name).equals(folded("Phường Nếnh"));
        }

        private static String folded(String name) {
            return Normalizer.normalize(name.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        }

        @Override
        public boolean isKnownProfile(String profileId) {
            return profileId.equals("NATIONAL_CORE") || profileId.equals("VIET_YEN_2024");
        }

        /** The reform's refusals are the real mapping's, tested through the server (ReformApiTest). */
        @Override
        public java.util.Optional<vn.chuyenhoa.area.Reform.Refusal> reorganised(String codeScheme, String code, LocalDate periodEnd) {
            return java.util.Optional.empty();
        }

        @Override
        public boolean isCoveredByAProfile(String codeScheme, String code, LocalDate date) {
            return !date.isBefore(LocalDate.of(2017, 1, 1));
        }
    }

    private final EvaluationRequestParser parser = new EvaluationRequestParser(new FakeContext());

    /** The request of api.md, word for word. */
    private static final String VALID = vn.chuyenhoa.support.Scenarios.API_MD_EXAMPLE;

    /** The valid body with one or more exact replacements, each of which must apply. */
    private static String validWith(String... replacements) {
        String body = VALID;
        for (int i = 0; i < replacements.length; i += 2) {
            if (!body.contains(replacements[i])) {
                throw new IllegalArgumentException("not in the valid body: " + replacements[i]);
            }
            body = body.replace(replacements[i], replacements[i + 1]);
        }
        return body;
    }

    private Parsed<EvaluationRequest> parse(String body) {
        return parser.parse(body.getBytes(UTF_8));
    }

    private EvaluationRequest ok(String body) {
        Parsed<EvaluationRequest> result = parse(body);
        if (!result.isValid()) {
            fail("expected a valid request, got " + result.errors());
        }
        return result.value();
    }

    private List<FieldError> errors(String body) {
        return invalid(parse(body));
    }

    /** The errors of a refused request: at least one, and no value beside them. */
    private static List<FieldError> invalid(Parsed<EvaluationRequest> result) {
        assertFalse(result.isValid(), () -> "expected a refusal, got " + result.value());
        assertNull(result.value());
        return result.errors();
    }

    /** "field code" of each error, the part of an error that clients depend on. */
    private List<String> fieldsAndCodes(String body) {
        return errors(body).stream().map(e -> e.field() + " " + e.code()).toList();
    }

    @Test
    void theRequestOfApiMdIsReadIntoItsValues() {
        EvaluationRequest request = ok(VALID);

        assertEquals(new AreaRef("QD124_2004", "07795", "Phường Nếnh"), request.area());
        assertNull(request.profileId());
        assertEquals(new Period(LocalDate.of(2024, 3, 15), LocalDate.of(2024, 12, 12)), request.period());
        assertEquals(new Period(LocalDate.of(2023, 3, 15), LocalDate.of(2023, 12, 12)), request.baselinePeriod());
        assertEquals(Map.ofEntries(
                Map.entry("tipsReceived", 41L), Map.entry("tipsResolved", 41L),
                Map.entry("politicalSystemConsolidated", true),
                Map.entry("effectiveModels", 2L), Map.entry("communityRulesMaintained", true),
                Map.entry("householdsTotal", 3120L), Map.entry("householdsInformed", 3120L),
                Map.entry("organizedCrimeSigns", false), Map.entry("blackCreditActivity", false),
                Map.entry("casesOccurred", 13L), Map.entry("casesCleared", 11L),
                Map.entry("seriousCasesProsecuted", 2L), Map.entry("seriousCasesCleared", 2L),
                Map.entry("releasedResidents", 27L), Map.entry("releasedReoffended", 3L),
                Map.entry("crimesBaseline", 19L), Map.entry("crimesCurrent", 13L),
                Map.entry("socialEvilsBaseline", 9L), Map.entry("socialEvilsCurrent", 6L),
                Map.entry("hotspotsBaseline", 3L), Map.entry("hotspotsCurrent", 1L),
                Map.entry("newHotspotsFormed", 0L)),
                request.facts());
        assertEquals(Purpose.FINAL, request.purpose());
        assertNull(request.supersedes());
        assertNull(request.reason());
    }

    @Test
    void theOptionalFieldsAreReadWhenGiven() {
        EvaluationRequest request = ok(validWith(
                "\"profileId\": null",
                "\"profileId\": \"VIET_YEN_2024\", \"purpose\": \"PROGRESS\","
                        + " \"supersedes\": \"0B9E1B6C-2F3A-4D5E-8F70-112233445566\","
                        + " \"reason\": \"casesCleared was mistyped\"",
                "\"name\": \"Phường Nếnh\"", "\"name\": null"));

        assertEquals("VIET_YEN_2024", request.profileId());
        assertEquals(Purpose.PROGRESS, request.purpose());
        assertEquals(UUID.fromString("0b9e1b6c-2f3a-4d5e-8f70-112233445566"), request.supersedes());
        assertEquals("casesCleared was mistyped", request.reason());
        assertNull(request.area().name());
    }

    @Test
    void aRequestNeedsOnlyAreaAndPeriod() {
        EvaluationRequest request = ok("""
                {"area": {"codeScheme": "QD124_2004", "code": "07795"},
                 "period": {"from": "2024-01-01", "to": "2024-01-01"}}""");

        assertNull(request.baselinePeriod());
        assertEquals(Map.of(), request.facts());
        assertEquals(Purpose.FINAL, request.purpose());
    }

    @Test
    void aNullFactIsAbsentNotZeroOrFalse() {
        EvaluationRequest request = ok(validWith(
                "\"casesCleared\": 11", "\"casesCleared\": null",
                "\"organizedCrimeSigns\": false", "\"organizedCrimeSigns\": null"));

        assertFalse(request.facts().containsKey("casesCleared"));
        assertFalse(request.facts().containsKey("organizedCrimeSigns"));
        assertEquals(20, request.facts().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"facts\": null", "\"facts\": {}"})
    void noFactsAtAllIsAValidRequestWithNoFacts(String facts) {
        String body = VALID.substring(0, VALID.indexOf("\"facts\"")) + facts + "}";

        assertEquals(Map.of(), ok(body).facts());
    }

    @Test
    void theLargestCountIsAccepted() {
        EvaluationRequest request = ok(validWith("\"effectiveModels\": 2", "\"effectiveModels\": 2147483647"));

        assertEquals(2147483647L, request.facts().get("effectiveModels"));
    }

    @Test
    void minusZeroIsTheIntegerZero() {
        assertEquals(0L, ok(validWith("\"newHotspotsFormed\": 0", "\"newHotspotsFormed\": -0"))
                .facts().get("newHotspotsFormed"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource
    void aCountMustBeAnIntegerInRange(String count, String code) {
        assertEquals(List.of("facts.effectiveModels " + code),
                fieldsAndCodes(validWith("\"effectiveModels\": 2", "\"effectiveModels\": " + count)));
    }

    static Stream<Arguments> aCountMustBeAnIntegerInRange() {
        return Stream.of(
                Arguments.of("5.0", "not_an_integer"),
                Arguments.of("5e0", "not_an_integer"),
                Arguments.of("1E3", "not_an_integer"),
                Arguments.of("1e9999999999", "not_an_integer"),
                Arguments.of("\"5\"", "not_an_integer"),
                Arguments.of("true", "not_an_integer"),
                Arguments.of("[5]", "not_an_integer"),
                Arguments.of("{\"value\": 5}", "not_an_integer"),
                Arguments.of("-1", "out_of_range"),
                Arguments.of("-99999999999", "out_of_range"),
                Arguments.of("2147483648", "out_of_range"),
                Arguments.of("99999999999999999999", "out_of_range"),
                Arguments.of("9".repeat(5000), "out_of_range"));
    }

    @Test
    void aHugeValueIsShortenedInTheMessage() {
        FieldError error = errors(validWith("\"effectiveModels\": 2", "\"effectiveModels\": " + "9".repeat(5000)))
                .get(0);

        assertTrue(error.message().length() < 200, error.message());
        assertTrue(error.messageVi().length() < 200, error.messageVi());
    }

    /**
     * Each bad input of domain spec §3.3 (and the request shape of api.md) alone in an otherwise valid
     * body: exactly one error, on the field the spec names.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource
    void eachBadInputIsNamedByItsField(String badInput, String body, String field, String code) {
        assertEquals(List.of(field + " " + code), fieldsAndCodes(body));
    }

    static Stream<Arguments> eachBadInputIsNamedByItsField() {
        String noBaseline = "\"baselinePeriod\": { \"from\": \"2023-03-15\", \"to\": \"2023-12-12\" },";
        return Stream.of(
                bad("count with a fraction",
                        validWith("\"casesOccurred\": 13", "\"casesOccurred\": 13.0"),
                        "facts.casesOccurred", "not_an_integer"),
                bad("count with an exponent",
                        validWith("\"casesOccurred\": 13", "\"casesOccurred\": 1.3e1"),
                        "facts.casesOccurred", "not_an_integer"),
                bad("count as a string",
                        validWith("\"casesOccurred\": 13", "\"casesOccurred\": \"13\""),
                        "facts.casesOccurred", "not_an_integer"),
                bad("count below 0",
                        validWith("\"crimesCurrent\": 13", "\"crimesCurrent\": -13"),
                        "facts.crimesCurrent", "out_of_range"),
                bad("count above 2^31-1",
                        validWith("\"householdsTotal\": 3120", "\"householdsTotal\": 3000000000"),
                        "facts.householdsTotal", "out_of_range"),
                bad("flag as a string",
                        validWith("\"organizedCrimeSigns\": false", "\"organizedCrimeSigns\": \"false\""),
                        "facts.organizedCrimeSigns", "not_a_boolean"),
                bad("flag as a number",
                        validWith("\"blackCreditActivity\": false", "\"blackCreditActivity\": 0"),
                        "facts.blackCreditActivity", "not_a_boolean"),
                bad("unknown fact",
                        validWith("\"casesCleared\": 11", "\"casesSolved\": 11"),
                        "facts.casesSolved", "unknown_field"),
                bad("unknown fact given as null",
                        validWith("\"newHotspotsFormed\": 0", "\"newHotspotsFormed\": 0, \"newHotspots\": null"),
                        "facts.newHotspots", "unknown_field"),
                bad("resolved > received",
                        validWith("\"tipsResolved\": 41", "\"tipsResolved\": 42"),
                        "facts.tipsResolved", "exceeds_total"),
                bad("cleared > occurred",
                        validWith("\"casesCleared\": 11", "\"casesCleared\": 14"),
                        "facts.casesCleared", "exceeds_total"),
                bad("serious cleared > serious prosecuted",
                        validWith("\"seriousCasesCleared\": 2", "\"seriousCasesCleared\": 3"),
                        "facts.seriousCasesCleared", "exceeds_total"),
                bad("reoffended > released",
                        validWith("\"releasedReoffended\": 3", "\"releasedReoffended\": 28"),
                        "facts.releasedReoffended", "exceeds_total"),
                bad("informed > households",
                        validWith("\"householdsInformed\": 3120", "\"householdsInformed\": 3121"),
                        "facts.householdsInformed", "exceeds_total"),
                bad("pair check runs when the total is zero",
                        validWith("\"tipsReceived\": 41", "\"tipsReceived\": 0"),
                        "facts.tipsResolved", "exceeds_total"),
                bad("period from after to",
                        validWith("\"from\": \"2024-03-15\", \"to\": \"2024-12-12\"",
                                "\"from\": \"2024-12-13\", \"to\": \"2024-12-12\""),
                        "period", "reversed_period"),
                bad("baseline from after to",
                        validWith("\"from\": \"2023-03-15\"", "\"from\": \"2023-12-13\""),
                        "baselinePeriod", "reversed_period"),
                bad("baseline ends on the first day of the period",
                        validWith("\"to\": \"2023-12-12\"", "\"to\": \"2024-03-15\""),
                        "baselinePeriod", "baseline_not_before_period"),
                bad("baseline after the period",
                        validWith("\"from\": \"2023-03-15\", \"to\": \"2023-12-12\"",
                                "\"from\": \"2025-03-15\", \"to\": \"2025-12-12\""),
                        "baselinePeriod", "baseline_not_before_period"),
                bad("date not on the calendar",
                        validWith("\"to\": \"2024-12-12\"", "\"to\": \"2023-02-29\""),
                        "period.to", "invalid_date"),
                bad("date not written yyyy-MM-dd",
                        validWith("\"from\": \"2024-03-15\"", "\"from\": \"15/03/2024\""),
                        "period.from", "invalid_date"),
                bad("date without leading zeros",
                        validWith("\"from\": \"2024-03-15\"", "\"from\": \"2024-3-15\""),
                        "period.from", "invalid_date"),
                bad("date with a time",
                        validWith("\"from\": \"2024-03-15\"", "\"from\": \"2024-03-15T00:00:00\""),
                        "period.from", "invalid_date"),
                bad("date as a number",
                        validWith("\"from\": \"2024-03-15\"", "\"from\": 20240315"),
                        "period.from", "wrong_type"),
                bad("period without to",
                        validWith("\"from\": \"2024-03-15\", \"to\": \"2024-12-12\"", "\"from\": \"2024-03-15\""),
                        "period.to", "required"),
                bad("unknown code scheme",
                        validWith("\"codeScheme\": \"QD124_2004\"", "\"codeScheme\": \"QD124\""),
                        "area.codeScheme", "unknown_scheme"),
                bad("code not in its scheme's list",
                        validWith("\"code\": \"07795\"", "\"code\": \"7795\""),
                        "area.code", "unknown_code"),
                bad("code of the other scheme",
                        validWith("\"codeScheme\": \"QD124_2004\"", "\"codeScheme\": \"QD19_2025\""),
                        "area.code", "unknown_code"),
                bad("name naming another area",
                        validWith("\"name\": \"Phường Nếnh\"", "\"name\": \"Xã Nếnh\""),
                        "area.name", "name_mismatch"),
                bad("name with other diacritics",
                        validWith("\"name\": \"Phường Nếnh\"", "\"name\": \"Phường Nenh\""),
                        "area.name", "name_mismatch"),
                bad("code as a number",
                        validWith("\"code\": \"07795\"", "\"code\": 7795"),
                        "area.code", "wrong_type"),
                bad("area as a string",
                        validWith("{ \"codeScheme\": \"QD124_2004\", \"code\": \"07795\", \"name\": \"Phường Nếnh\" }",
                                "\"QD124_2004/07795\""),
                        "area", "wrong_type"),
                bad("area without a code",
                        validWith("\"code\": \"07795\", ", ""),
                        "area.code", "required"),
                bad("unknown profile",
                        validWith("\"profileId\": null", "\"profileId\": \"BAC_GIANG_2024\""),
                        "profileId", "unknown_profile"),
                bad("no profile valid on period.to",
                        validWith(noBaseline, "",
                                "\"from\": \"2024-03-15\", \"to\": \"2024-12-12\"",
                                "\"from\": \"2016-01-01\", \"to\": \"2016-12-31\""),
                        "period.to", "no_profile"),
                bad("area missing",
                        validWith("\"area\": { \"codeScheme\": \"QD124_2004\", \"code\": \"07795\", \"name\": \"Phường Nếnh\" },",
                                ""),
                        "area", "required"),
                bad("period missing",
                        validWith("\"period\":         { \"from\": \"2024-03-15\", \"to\": \"2024-12-12\" },", ""),
                        "period", "required"),
                bad("period null",
                        validWith("\"period\":         { \"from\": \"2024-03-15\", \"to\": \"2024-12-12\" }",
                                "\"period\": null"),
                        "period", "required"),
                bad("unknown top-level key",
                        validWith("\"profileId\": null", "\"profile\": null"),
                        "profile", "unknown_field"),
                bad("unknown key in area",
                        validWith("\"code\": \"07795\"", "\"code\": \"07795\", \"district\": \"222\""),
                        "area.district", "unknown_field"),
                bad("unknown key in period",
                        validWith("\"to\": \"2024-12-12\"", "\"to\": \"2024-12-12\", \"until\": \"2024-12-31\""),
                        "period.until", "unknown_field"),
                bad("facts as an array",
                        VALID.substring(0, VALID.indexOf("\"facts\"")) + "\"facts\": [1, 2]}",
                        "facts", "wrong_type"),
                bad("unknown purpose",
                        validWith("\"profileId\": null", "\"purpose\": \"final\""),
                        "purpose", "invalid_value"),
                bad("supersedes not a UUID",
                        validWith("\"profileId\": null", "\"supersedes\": \"1-2-3-4-5\", \"reason\": \"typo\""),
                        "supersedes", "invalid_uuid"),
                bad("supersedes without a reason",
                        validWith("\"profileId\": null", "\"supersedes\": \"0b9e1b6c-2f3a-4d5e-8f70-112233445566\""),
                        "reason", "required"),
                bad("supersedes with a blank reason",
                        validWith("\"profileId\": null",
                                "\"supersedes\": \"0b9e1b6c-2f3a-4d5e-8f70-112233445566\", \"reason\": \" \""),
                        "reason", "required"),
                bad("a reason without supersedes",
                        validWith("\"profileId\": null", "\"reason\": \"typo\""),
                        "reason", "requires_supersedes"),
                bad("a reason longer than the store keeps",
                        validWith("\"profileId\": null", "\"supersedes\": \"0b9e1b6c-2f3a-4d5e-8f70-112233445566\","
                                + " \"reason\": \"" + "ả".repeat(4001) + "\""),
                        "reason", "too_long"));
    }

    private static Arguments bad(String badInput, String body, String field, String code) {
        return Arguments.of(badInput, body, field, code);
    }

    @Test
    void theNameIsCheckedOnlyOnceTheCodeIsKnown() {
        assertEquals(List.of("area.code unknown_code"),
                fieldsAndCodes(validWith("\"code\": \"07795\"", "\"code\": \"99999\"",
                        "\"name\": \"Phường Nếnh\"", "\"name\": \"Xã Không Có\"")));
    }

    @Test
    void theCodeIsCheckedOnlyOnceTheSchemeIsKnown() {
        assertEquals(List.of("area.codeScheme unknown_scheme"),
                fieldsAndCodes(validWith("\"codeScheme\": \"QD124_2004\"", "\"codeScheme\": \"GSO\"",
                        "\"code\": \"07795\"", "\"code\": \"99999\"")));
    }

    @Test
    void theBaselineIsComparedOnlyWithAValidPeriod() {
        assertEquals(List.of("period reversed_period"),
                fieldsAndCodes(validWith("\"from\": \"2024-03-15\", \"to\": \"2024-12-12\"",
                        "\"from\": \"2024-12-12\", \"to\": \"2022-01-01\"")));
    }

    @Test
    void aNamedProfileNeedsNoCoverage() {
        assertEquals("NATIONAL_CORE", ok(validWith(
                "\"profileId\": null", "\"profileId\": \"NATIONAL_CORE\"",
                "\"from\": \"2023-03-15\", \"to\": \"2023-12-12\"", "\"from\": \"2015-01-01\", \"to\": \"2015-12-31\"",
                "\"from\": \"2024-03-15\", \"to\": \"2024-12-12\"", "\"from\": \"2016-01-01\", \"to\": \"2016-12-31\""))
                .profileId());
    }

    @Test
    void thePairCheckWaitsForBothCountsToBeValid() {
        assertEquals(List.of("facts.casesOccurred not_an_integer"),
                fieldsAndCodes(validWith("\"casesOccurred\": 13", "\"casesOccurred\": \"13\"",
                        "\"casesCleared\": 11", "\"casesCleared\": 14")));
    }

    @Test
    void everyBadFieldIsReportedOnceSortedByField() {
        String body = """
                {
                  "facts": { "casesOccurred": 13, "casesCleared": 14, "tipsReceived": 5.0,
                             "organizedCrimeSigns": "no", "casesSolved": 1, "hotspotsCurrent": -1 },
                  "area": { "codeScheme": "QD124_2004", "code": "07795", "name": "Phường Nếnh", "district": "222" },
                  "period": { "from": "2024-12-12", "to": "2024-03-15", "until": "2025-01-01" },
                  "baselinePeriod": { "from": "2023-02-30", "to": null },
                  "profileId": 7,
                  "purpose": "FINAL",
                  "supersedes": "not-a-uuid",
                  "comment": "hello"
                }
                """;

        assertEquals(List.of(
                        "area.district unknown_field",
                        "baselinePeriod.from invalid_date",
                        "baselinePeriod.to required",
                        "comment unknown_field",
                        "facts.casesCleared exceeds_total",
                        "facts.casesSolved unknown_field",
                        "facts.hotspotsCurrent out_of_range",
                        "facts.organizedCrimeSigns not_a_boolean",
                        "facts.tipsReceived not_an_integer",
                        "period reversed_period",
                        "period.until unknown_field",
                        "profileId wrong_type",
                        "reason required",
                        "supersedes invalid_uuid"),
                fieldsAndCodes(body));
    }

    @Test
    void theOrderOfErrorsDoesNotDependOnTheOrderOfKeys() {
        String forward = "{\"area\": {\"codeScheme\": \"X\"}, \"period\": {\"from\": \"x\"},"
                + " \"facts\": {\"tipsReceived\": \"1\", \"tipsResolved\": 1.5}}";
        String backward = "{\"facts\": {\"tipsResolved\": 1.5, \"tipsReceived\": \"1\"},"
                + " \"period\": {\"from\": \"x\"}, \"area\": {\"codeScheme\": \"X\"}}";

        List<FieldError> errors = errors(forward);
        assertEquals(6, errors.size());
        assertEquals(errors, errors(backward));
    }

    @Test
    void messagesSayWhatIsWrongWithTheValueInBothLanguages() {
        FieldError error = errors(validWith("\"casesCleared\": 11", "\"casesCleared\": 14")).get(0);

        assertEquals("facts.casesCleared (14) is greater than facts.casesOccurred (13).", error.message());
        assertEquals("facts.casesCleared (14) lớn hơn facts.casesOccurred (13).", error.messageVi());
    }

    @ParameterizedTest
    @MethodSource("eachBadInputIsNamedByItsField")
    void everyErrorHasAMessageInEachLanguage(String badInput, String body, String field, String code) {
        for (FieldError error : errors(body)) {
            assertTrue(error.message().contains(error.field()), error.message());
            assertTrue(error.messageVi().contains(error.field()), error.messageVi());
            assertNotEquals(error.message(), error.messageVi());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "   \n",
        "null",
        "[]",
        "\"request\"",
        "42",
        "{",
        "{\"area\": }",
        "{} {}",
        "{} x",
        "{'area': {}}",
        "{area: {}}",
        "{\"profileId\": null,}",
        "// a comment\n{}",
        "{\"facts\": {\"tipsReceived\": 01}}",
        "{\"facts\": {\"tipsReceived\": NaN}}",
        "{\"facts\": {\"tipsReceived\": .5}}",
        "{\"facts\": {\"tipsReceived\": +5}}",
        "{\"reason\": \"tab\there\"}",
        "{\"profileId\": null, \"profileId\": \"NATIONAL_CORE\"}",
        "{\"facts\": {\"tipsReceived\": 1, \"tipsReceived\": 1}}",
        "{\"area\": {\"code\": \"07795\", \"code\": \"07795\"}}",
    })
    void malformedJsonIsOneErrorWithoutAField(String body) {
        assertMalformed(body.getBytes(UTF_8));
    }

    @Test
    void theValidBodyWithADuplicateKeyIsMalformed() {
        assertMalformed(validWith("\"casesCleared\": 11", "\"casesCleared\": 11, \"casesCleared\": 12")
                .getBytes(UTF_8));
    }

    @Test
    void bytesThatAreNotUtf8AreMalformed() {
        assertMalformed(new byte[] {'{', '"', 'a', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'});
    }

    @Test
    void aBodyNestedTooDeeplyIsMalformed() {
        assertMalformed(("{\"x\": " + "[".repeat(1000)).getBytes(UTF_8));
        assertMalformed(("{\"x\": " + "{\"y\": ".repeat(1000) + "1" + "}".repeat(1001)).getBytes(UTF_8));
    }

    @Test
    void aNestedUnknownKeyWithinTheLimitIsJustUnknown() {
        assertEquals(List.of("x unknown_field"),
                fieldsAndCodes("{\"area\": {\"codeScheme\": \"QD124_2004\", \"code\": \"07795\"},"
                        + " \"period\": {\"from\": \"2024-01-01\", \"to\": \"2024-12-31\"},"
                        + " \"x\": " + "[".repeat(20) + "]".repeat(20) + "}"));
    }

    @Test
    void aBodyOverTheSizeLimitIsMalformed() {
        assertMalformed(validWith("\"profileId\": null", "\"reason\": \"" + "a".repeat(70_000) + "\"")
                .getBytes(UTF_8));
        assertMalformed(null);
    }

    private void assertMalformed(byte[] body) {
        List<FieldError> errors = invalid(parser.parse(body));
        assertEquals(1, errors.size(), errors::toString);
        assertNull(errors.get(0).field());
        assertEquals("malformed_json", errors.get(0).code());
        assertFalse(errors.get(0).messageVi().isBlank());
    }

    /** Random damage to the valid body must give an answer, never an exception. */
    @Test
    void noInputMakesTheParserThrow() {
        Random random = new Random(20241212);
        byte[] valid = VALID.getBytes(UTF_8);
        String[] splices = {"{", "}", "[", "]", "\"", ",", ":", "null", "-", "1e400", "99999999999999999999",
            "0.5", "true", "\\u0000", "\"facts\": {}", "{\"a\":", "\u00e9", "\ud83d\ude00"};
        int invalid = 0;
        for (int i = 0; i < 5000; i++) {
            byte[] body = mutate(valid, random, splices);
            Parsed<EvaluationRequest> result;
            try {
                result = parser.parse(body);
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("threw on " + new String(body, UTF_8), e);
            }
            if (!result.isValid()) {
                invalid++;
                assertWellFormed(result.errors(), body);
            }
        }
        // the fuzzing must actually damage bodies, or it proves nothing
        assertTrue(invalid > 2500, "only " + invalid + " invalid bodies");
    }

    private static byte[] mutate(byte[] valid, Random random, String[] splices) {
        if (random.nextInt(20) == 0) {
            byte[] noise = new byte[random.nextInt(200)];
            random.nextBytes(noise);
            return noise;
        }
        byte[] body = valid;
        for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
            int at = random.nextInt(body.length + 1);
            byte[] insert = switch (random.nextInt(3)) {
                case 0 -> new byte[] {(byte) random.nextInt(256)};
                case 1 -> splices[random.nextInt(splices.length)].getBytes(UTF_8);
                default -> new byte[0];
            };
            int cut = Math.min(body.length - at, random.nextInt(4));
            byte[] next = new byte[body.length - cut + insert.length];
            System.arraycopy(body, 0, next, 0, at);
            System.arraycopy(insert, 0, next, at, insert.length);
            System.arraycopy(body, at + cut, next, at + insert.length, body.length - at - cut);
            body = next;
        }
        return body;
    }

    private static void assertWellFormed(List<FieldError> errors, byte[] body) {
        String shown = new String(body, UTF_8);
        assertFalse(errors.isEmpty(), shown);
        Set<String> fields = new HashSet<>();
        for (FieldError error : errors) {
            assertTrue(error.field() != null || errors.size() == 1, shown);
            assertTrue(fields.add(String.valueOf(error.field())), () -> "two errors on one field: " + errors);
            assertFalse(error.code().isBlank(), shown);
            assertFalse(error.message().isBlank(), shown);
            assertFalse(error.messageVi().isBlank(), shown);
        }
    }
}
