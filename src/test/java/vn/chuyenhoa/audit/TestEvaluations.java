package vn.chuyenhoa.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Complete, valid evaluation records for tests, varied one field at a time. */
final class TestEvaluations {

    UUID id = UUID.randomUUID();
    Instant evaluatedAt = Instant.parse("2025-06-30T08:15:30.123456789Z");
    String codeScheme = "DVHC-2025";
    String areaCode = "26734";
    String areaName = "Phường Bến Thành";
    String provinceCode = "79";
    String districtCode = "760";
    String profileId = "chuyen-hoa-2025";
    String verdict = "DA_CHUYEN_HOA";
    String purpose = "FINAL";
    String rulesetVersion = "v-2025.06.1";
    String requestJson = "{\"areaCode\":\"26734\",\"tenDiaBan\":\"Phường Bến Thành\"}";
    String responseJson = "{\"verdict\":\"DA_CHUYEN_HOA\",\"lyDo\":\"Tội phạm giảm 45%\"}";
    String firedRulesJson = "[\"toi-pham-giam\",\"khong-con-diem-nong\"]";
    String idempotencyKey;
    String submitter = "cong-an-tp-hcm";
    UUID supersedes;
    String supersedeReason;

    static TestEvaluations evaluation() {
        return new TestEvaluations();
    }

    TestEvaluations at(Instant value) {
        evaluatedAt = value;
        return this;
    }

    TestEvaluations area(String scheme, String code) {
        codeScheme = scheme;
        areaCode = code;
        return this;
    }

    TestEvaluations province(String value) {
        provinceCode = value;
        return this;
    }

    TestEvaluations profile(String value) {
        profileId = value;
        return this;
    }

    TestEvaluations verdict(String value) {
        verdict = value;
        return this;
    }

    TestEvaluations purpose(String value) {
        purpose = value;
        return this;
    }

    TestEvaluations ruleset(String value) {
        rulesetVersion = value;
        return this;
    }

    TestEvaluations json(String request, String response) {
        requestJson = request;
        responseJson = response;
        return this;
    }

    TestEvaluations idempotencyKey(String value) {
        idempotencyKey = value;
        return this;
    }

    TestEvaluations supersedes(UUID old, String reason) {
        supersedes = old;
        supersedeReason = reason;
        return this;
    }

    EvaluationRecord build() {
        return new EvaluationRecord(id, evaluatedAt, codeScheme, areaCode, areaName, provinceCode, districtCode,
                profileId, verdict, purpose, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30), rulesetVersion,
                requestJson, responseJson, firedRulesJson, idempotencyKey, "sha256:" + id, submitter, supersedes,
                supersedeReason);
    }
}
