package vn.chuyenhoa.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/**
 * Drives areas of one province through the programme API as an officer would, on fixed dates of the programme year
 * Y: candidate Y-01-10, proposed Y-01-20, approved Y-02-01 (decision), started Y-02-15, FINAL evaluation of
 * Y-01-01 – Y-12-14, verdict Y-12-20, monitored from (Y+1)-01-05, relapsed (Y+1)-06-01 on a monitoring report of
 * (Y+1)-01-01 – (Y+1)-05-31, stable (Y+3)-12-21 (the day after the 3-year window of NATIONAL_CORE ends: monitored from
 * Y-12-21 to the end of (Y+3)-12-20). Every step asserts it was recorded.
 */
public final class ProgrammeDriver {

    /** Facts that meet every NATIONAL_CORE criterion (and COMMUNITY_RULES): TRANSFORMED. */
    public static final String MET = "{\"tipsReceived\": 12, \"tipsResolved\": 12, \"politicalSystemConsolidated\": true,"
            + " \"effectiveModels\": 2, \"communityRulesMaintained\": true, \"householdsTotal\": 1240, \"householdsInformed\": 1240,"
            + " \"organizedCrimeSigns\": false, \"casesOccurred\": 9, \"casesCleared\": 8, \"seriousCasesProsecuted\": 1,"
            + " \"seriousCasesCleared\": 1, \"releasedResidents\": 14, \"releasedReoffended\": 1}";
    /** 6 of 10 cases cleared, below 80%: NOT_TRANSFORMED. */
    public static final String NOT_MET = MET.replace("\"casesOccurred\": 9, \"casesCleared\": 8", "\"casesOccurred\": 10, \"casesCleared\": 6");
    /** casesCleared absent, nothing failing: INSUFFICIENT_DATA. */
    public static final String INSUFFICIENT = MET.replace(" \"casesCleared\": 8,", "");

    public static final List<String> PATH = List.of("CANDIDATE", "PROPOSED", "APPROVED", "IN_TRANSFORMATION");

    private final Api api;
    private final String scheme;
    private final String province;

    public ProgrammeDriver(Api api, String scheme, String province) {
        this.api = api;
        this.scheme = scheme;
        this.province = province;
    }

    public String programme() {
        return "/api/v1/programmes/" + scheme + "/" + province;
    }

    public String record(int year, String code) {
        return programme() + "/" + year + "/areas/" + code;
    }

    public Api.Answer add(int year, String code, String effectiveDate) {
        return api.post(programme() + "/" + year + "/areas",
                "{\"areaCode\": \"" + code + "\", \"actor\": \"Tổ công tác thử nghiệm\", \"effectiveDate\": \"" + effectiveDate + "\"}");
    }

    /** POST a step with {@code to}, an actor and the extra members given (JSON without braces, may be empty). */
    public Api.Answer step(int year, String code, String to, String extra) {
        return api.post(record(year, code) + "/transitions", "{\"to\": \"" + to + "\", \"actor\": \"Tổ công tác thử nghiệm\""
                + (extra.isBlank() ? "" : ", " + extra) + "}");
    }

    public Api.Answer get(int year, String code) {
        return api.get(record(year, code));
    }

    /** A stored evaluation of the area; returns its id. */
    public String evaluate(String code, String from, String to, String facts, String purpose, String profileId) {
        Api.Answer a = api.post("/api/v1/evaluations", "{\"area\": {\"codeScheme\": \"" + scheme + "\", \"code\": \"" + code + "\"},"
                + (profileId == null ? "" : " \"profileId\": \"" + profileId + "\",")
                + " \"period\": {\"from\": \"" + from + "\", \"to\": \"" + to + "\"}, \"facts\": " + facts
                + ", \"purpose\": \"" + purpose + "\"}");
        assertEquals(201, a.status(), a::toString);
        return a.json().get("id").asString();
    }

    /** A FINAL evaluation of the standard period of year Y. */
    public String finalEvaluation(int year, String code, String facts) {
        return evaluate(code, year + "-01-01", year + "-12-14", facts, "FINAL", null);
    }

    /** A new area of year Y driven to the state along the standard dates. */
    public void driveTo(int year, String code, String state) {
        recorded(add(year, code, year + "-01-10"), "CANDIDATE");
        if (state.equals("CANDIDATE")) return;
        recorded(step(year, code, "PROPOSED", "\"effectiveDate\": \"" + year + "-01-20\""), "PROPOSED");
        if (state.equals("PROPOSED")) return;
        recorded(step(year, code, "APPROVED", "\"decisionNumber\": \"" + code + "/QĐ-BCĐ\", \"decisionDate\": \"" + year + "-02-01\""), "APPROVED");
        if (state.equals("APPROVED")) return;
        recorded(step(year, code, "IN_TRANSFORMATION", "\"effectiveDate\": \"" + year + "-02-15\""), "IN_TRANSFORMATION");
        if (state.equals("IN_TRANSFORMATION")) return;
        if (state.equals("NOT_TRANSFORMED")) {
            verdict(year, code, "NOT_TRANSFORMED", finalEvaluation(year, code, NOT_MET));
            return;
        }
        verdict(year, code, "TRANSFORMED", finalEvaluation(year, code, MET));
        if (state.equals("TRANSFORMED")) return;
        recorded(step(year, code, "MONITORING", "\"effectiveDate\": \"" + (year + 1) + "-01-05\""), "MONITORING");
        if (state.equals("MONITORING")) return;
        if (state.equals("RELAPSED")) {
            String report = relapseReport(code, year + "-12-20", (year + 1) + "-01-01", (year + 1) + "-05-31");
            recorded(step(year, code, "RELAPSED", "\"effectiveDate\": \"" + (year + 1) + "-06-01\", \"comment\": \"Xuất hiện tụ điểm ma túy mới\","
                    + " \"monitoringReportId\": \"" + report + "\""), "RELAPSED");
            return;
        }
        recorded(step(year, code, "STABLE", "\"effectiveDate\": \"" + (year + 3) + "-12-21\""), "STABLE");
        if (!state.equals("STABLE")) throw new IllegalArgumentException(state);
    }

    /** A stored monitoring report of the area that finds it relapsed (black credit is back); returns its id. */
    public String relapseReport(String code, String recognisedOn, String from, String to) {
        Api.Answer a = api.post("/api/v1/monitoring-reports", "{\"area\": {\"codeScheme\": \"" + scheme + "\", \"code\": \""
                + code + "\"}, \"recognisedOn\": \"" + recognisedOn + "\", \"period\": {\"from\": \"" + from + "\", \"to\": \""
                + to + "\"}, \"proposedAgain\": false, \"facts\": {\"organizedCrimeSigns\": false, \"blackCreditActivity\": true,"
                + " \"newHotspotsFormed\": 0}}");
        assertEquals(201, a.status(), a::toString);
        assertEquals("RELAPSED", a.json().get("outcome").asString(), a::toString);
        return a.json().get("id").asString();
    }

    public void verdict(int year, String code, String verdict, String evaluationId) {
        recorded(step(year, code, verdict, "\"evaluationId\": \"" + evaluationId + "\", \"effectiveDate\": \"" + year + "-12-20\""), verdict);
    }

    public static Api.Answer recorded(Api.Answer a, String state) {
        assertEquals(201, a.status(), a::toString);
        assertEquals(state, a.json().get("state").asString(), a::toString);
        return a;
    }
}
