package vn.chuyenhoa.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Complete, valid evaluation records for tests, varied one field at a time. */
public final class TestEvaluations {

    public UUID id = UUID.randomUUID();
    public Instant evaluatedAt = Instant.parse("2025-06-30T08:15:30.123456789Z");
    public String codeScheme = "DVHC-2025";
    public String areaCode = "26734";
    public String areaName = "Phường Bến Thành";
    public String provinceCode = "79";
    public String districtCode = "760";
    public String profileId = "chuyen-hoa-2025";
    public String verdict = "DA_CHUYEN_HOA";
    public String purpose = "FINAL";
    public String rulesetVersion = "v-2025.06.1";
    public String requestJson = "{\"areaCode\":\"26734\",\"tenDiaBan\":\"Phường Bến Thành\"}";
    public String responseJson = "{\"verdict\":\"DA_CHUYEN_HOA\",\"lyDo\":\"Tội phạm giảm 45%\"}";
    public String firedRulesJson = "[\"toi-pham-giam\",\"khong-con-diem-nong\"]";
    public String idempotencyKey;
    public String submitter = "cong-an-tp-hcm";
    public UUID supersedes;
    public String supersedeReason;

    public static TestEvaluations evaluation() {
        return new TestEvaluations();
    }

    public TestEvaluations at(Instant value) {
        evaluatedAt = value;
        return this;
    }

    public TestEvaluations area(String scheme, String code) {
        codeScheme = scheme;
        areaCode = code;
        return this;
    }

    public TestEvaluations province(String value) {
        provinceCode = value;
        return this;
    }

    public TestEvaluations profile(String value) {
        profileId = value;
        return this;
    }

    public TestEvaluations verdict(String value) {
        verdict = value;
        return this;
    }

    public TestEvaluations purpose(String value) {
        purpose = value;
        return this;
    }

    public TestEvaluations ruleset(String value) {
        rulesetVersion = value;
        return this;
    }

    public TestEvaluations json(String request, String response) {
        requestJson = request;
        responseJson = response;
        return this;
    }

    public TestEvaluations idempotencyKey(String value) {
        idempotencyKey = value;
        return this;
    }

    public TestEvaluations supersedes(UUID old, String reason) {
        supersedes = old;
        supersedeReason = reason;
        return this;
    }

    public EvaluationRecord build() {
        return new EvaluationRecord(id, evaluatedAt, codeScheme, areaCode, areaName, provinceCode, districtCode,
                profileId, verdict, purpose, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30), rulesetVersion,
                requestJson, responseJson, firedRulesJson, idempotencyKey, "sha256:" + id, submitter, supersedes,
                supersedeReason);
    }
}
