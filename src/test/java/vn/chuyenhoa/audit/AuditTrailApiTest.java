package vn.chuyenhoa.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.chuyenhoa.support.ProgrammeDriver.MET;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import vn.chuyenhoa.evaluation.PackedDocuments;
import vn.chuyenhoa.support.Api;
import vn.chuyenhoa.support.Http;
import vn.chuyenhoa.support.ProgrammeDriver;
import vn.chuyenhoa.monitoring.MonitoringApiTest;

/**
 * The tamper-evident trail through the running server: evaluations, ruleset actions and lifecycle steps are chained
 * and verify as intact; a row changed, deleted or inserted behind the application's back is found and located; a
 * chain rebuilt consistently over a changed row is caught by the heads written to the file outside the database.
 * Each tampering test undoes what it did and checks the chain is intact again, so the tests share one database.
 */
// a server of its own: it tampers with the database behind the application's back and reads its own head file
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:audit-trail-${random.uuid};DB_CLOSE_DELAY=-1",
        "chuyenhoa.warmup.evaluations=0",
        "chuyenhoa.audit.head-interval=100ms",
        "spring.main.banner-mode=off"})
class AuditTrailApiTest {

    static final String VERIFY = "/api/v1/audit/verify";

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void headFile(DynamicPropertyRegistry registry) {
        registry.add("chuyenhoa.audit.head-file", () -> dir.resolve("heads.log").toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Http http;
    Api api;
    ProgrammeDriver dien;

    @BeforeEach
    void client() {
        http = new Http(port);
        api = new Api(port);
        dien = new ProgrammeDriver(api, "QD124_2004", "11");
    }

    @Test
    void concurrentEvaluationsRulesetActionsAndLifecycleStepsMakeOneIntactChain() throws Exception {
        long batchesBefore = count("audit_chain");
        long evaluationsBefore = count("evaluation");
        int n = 240;
        ExecutorService callers = Executors.newFixedThreadPool(16);
        List<Future<String>> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String code = i % 2 == 0 ? "03127" : "03130";
            ids.add(callers.submit(() -> dien.evaluate(code, "2020-01-01", "2020-12-14", MET, "PROGRESS", null)));
        }
        for (Future<String> id : ids) id.get();
        callers.shutdown();
        // a rejected upload and a withdrawal, each a batch of its own
        Http.Response rejected = http.postMultipart("/api/v1/rulesets", Map.of("comment", "hỏng"),
                Map.of("profiles.drl.xlsx", "không phải bảng tính".getBytes(StandardCharsets.UTF_8)));
        assertEquals(422, rejected.status(), rejected.describe());
        Http.Response withdrawn = http.postJson("/api/v1/evaluations/" + ids.get(0).get() + "/withdrawal",
                "{\"reason\":\"Nhập nhầm số liệu\"}");
        assertTrue(withdrawn.status() / 100 == 2, withdrawn.describe());
        dien.driveTo(2020, "03133", "APPROVED");

        JsonNode report = verify();
        assertTrue(report.get("intact").asBoolean(), report::toString);
        assertEquals(0, report.get("problemCount").asInt(), report::toString);
        assertTrue(report.get("firstBreak").isNull(), report::toString);
        assertEquals(count("audit_chain"), report.get("batchesChecked").asLong());
        long rows = Canonical.TABLES.stream().mapToLong(t -> count(t.name())).sum();
        assertEquals(jdbc.queryForObject("SELECT SUM(row_count) FROM audit_chain", Long.class),
                report.get("rowsChecked").asLong(), "every listing of every batch is checked");
        // an account or a token is listed again at each change; every other row once
        long relisted = report.get("rowsChecked").asLong() - rows;
        assertTrue(relisted >= 0 && relisted <= count("account_event"), report::toString);
        assertEquals(evaluationsBefore + n, count("evaluation"));

        // the evaluations went in as group commits: several batches, none holding more than its share, all linked
        List<Long> evaluationBatches = jdbc.queryForList("SELECT row_count FROM audit_chain WHERE kind = 'EVALUATIONS'"
                + " AND seq > ?", Long.class, batchesBefore);
        assertTrue(evaluationBatches.size() >= 2, evaluationBatches::toString);
        assertEquals(n, evaluationBatches.stream().mapToLong(Long::longValue).sum());
        Set<String> kinds = new TreeSet<>(jdbc.queryForList("SELECT DISTINCT kind FROM audit_chain", String.class));
        assertTrue(kinds.containsAll(Set.of("EVALUATIONS", "EVALUATION_STATUS", "RULESET_ACTION", "LIFECYCLE_STEP",
                "ACCOUNT", "RULESET_VERSION")), kinds::toString);
        // the approval is the last batch: the head
        JsonNode head = report.get("head");
        assertEquals(count("audit_chain"), head.get("seq").asLong());
        assertEquals(jdbc.queryForObject("SELECT hash FROM audit_chain WHERE seq = ?", String.class,
                head.get("seq").asLong()), head.get("hash").asString());
        assertEquals("LIFECYCLE_STEP", jdbc.queryForObject("SELECT kind FROM audit_chain WHERE seq = ?", String.class,
                head.get("seq").asLong()));

        Http.Response page = http.get("/audit/verify");
        assertEquals(200, page.status(), page.describe());
        assertEquals("text/html", page.mediaType());
        assertTrue(page.text().contains("data-intact=\"true\""), page.describe());
        assertTrue(page.text().contains("NGUYÊN VẸN"), page.describe());
        assertTrue(page.text().contains("id=\"nav-audit\""), "the page sits inside the site, with its navigation");
        assertTrue(http.get("/audit/verify?lang=en").text().contains("INTACT"), "English on ?lang=en");
        assertTrue(page.text().contains(head.get("hash").asString()), "the page shows the head hash");
    }

    @Test
    void anUpdatedResponseIsLocatedInItsBatch() {
        String id = dien.evaluate("03127", "2020-01-01", "2020-12-14", MET, "PROGRESS", null);
        byte[] original = jdbc.queryForObject("SELECT packed_documents FROM evaluation WHERE id = ?", byte[].class,
                UUID.fromString(id));
        long seq = batchOf("evaluation", id);
        String recorded = rowHashIn(seq, "evaluation", id);
        assertTrue(verify().get("intact").asBoolean());

        jdbc.update("UPDATE evaluation SET packed_documents = ? WHERE id = ?", notTransformed(original),
                UUID.fromString(id));
        try {
            JsonNode report = verify();
            assertFalse(report.get("intact").asBoolean(), report::toString);
            JsonNode brk = report.get("firstBreak");
            assertEquals("ROW_ALTERED", brk.get("problem").asString(), report::toString);
            assertEquals(seq, brk.get("seq").asLong());
            assertEquals("EVALUATIONS", brk.get("kind").asString());
            assertEquals("evaluation", brk.get("table").asString());
            assertEquals(id, brk.get("key").asString());
            assertEquals(recorded, brk.get("stored").asString());
            assertNotEquals(recorded, brk.get("recomputed").asString());
            assertEquals(1, report.get("problemCount").asInt(), report::toString);
            assertTrue(brk.get("messageVi").asString().contains(id) && brk.get("messageEn").asString().contains(id));
            assertTrue(report.get("messageVi").asString().contains("KHÔNG nguyên vẹn"));
            // the record's kind in words, not the table's name (policy trial finding 11)
            assertTrue(brk.get("messageVi").asString().startsWith("Kết quả đánh giá " + id + " của lô " + seq),
                    brk.get("messageVi").asString());
            assertTrue(brk.get("messageEn").asString().startsWith("Evaluation " + id), brk.get("messageEn").asString());

            Http.Response page = http.get("/audit/verify");
            assertTrue(page.text().contains("data-intact=\"false\"") && page.text().contains(id), page.describe());
        } finally {
            jdbc.update("UPDATE evaluation SET packed_documents = ? WHERE id = ?", original, UUID.fromString(id));
        }
        assertTrue(verify().get("intact").asBoolean(), "put back byte for byte, the row hashes as recorded again");
    }

    /**
     * Finding 7 of the policy trial: a verdict changed in the database was flagged by the chain's check only. The
     * replay called the two verdicts identical, the evaluation's page and API showed the stored document without a
     * word. (The list and GET by id still read as they are: checking them would parse every listed document.)
     */
    @Test
    void aVerdictChangedInTheDatabaseIsSaidOnTheRecordAndItsReplay() {
        String id = dien.evaluate("03127", "2020-01-01", "2020-12-14", MET, "PROGRESS", null);
        long seq = batchOf("evaluation", id);
        JsonNode before = http.postJson("/api/v1/evaluations/" + id + "/replay", "").json();
        assertTrue(before.get("identical").asBoolean(), before::toString);
        assertTrue(before.get("recordCheck").get("intact").asBoolean(), before::toString);
        assertFalse(http.get("/evaluations/" + id).text().contains("record-altered"));

        jdbc.update("UPDATE evaluation SET verdict = 'NOT_TRANSFORMED' WHERE id = ?", UUID.fromString(id));
        try {
            JsonNode replay = http.postJson("/api/v1/evaluations/" + id + "/replay", "").json();
            assertEquals("NOT_TRANSFORMED", replay.get("storedVerdict").asString(), replay::toString);
            assertEquals("TRANSFORMED", replay.get("replayedVerdict").asString(), replay::toString);
            assertFalse(replay.get("identical").asBoolean(), "two verdicts are never identical: " + replay);
            assertTrue(replay.get("differences").toString().contains("columns/verdict"), replay::toString);
            JsonNode check = replay.get("recordCheck");
            assertFalse(check.get("intact").asBoolean(), check::toString);
            assertFalse(check.get("hashMatches").asBoolean(), check::toString);
            assertEquals(seq, check.get("batch").asLong(), check::toString);
            assertEquals("verdict", check.get("mismatches").get(0).get("column").asString(), check::toString);

            String page = http.get("/evaluations/" + id).text();
            assertTrue(page.contains("data-record-intact=\"false\""), page);
            assertTrue(page.contains("đã bị sửa ngoài ứng dụng") && page.contains("lô " + seq), page);
            assertTrue(page.contains("Kết luận: phần lưu kèm để tìm kiếm ghi «Chưa đạt», còn văn bản kết quả đã lưu ghi"
                    + " «Đạt — chuyển hóa thành công»"), page);
            assertTrue(http.get("/evaluations/" + id + "?lang=en").text().contains("changed outside the application"));

        } finally {
            jdbc.update("UPDATE evaluation SET verdict = 'TRANSFORMED' WHERE id = ?", UUID.fromString(id));
        }
        assertTrue(verify().get("intact").asBoolean());
        assertFalse(http.get("/evaluations/" + id).text().contains("record-altered"));
    }

    /** Who wrote a step down is chained with it: naming someone else afterwards, or no one, breaks the trail. */
    @Test
    void aRewrittenRecordedByIsLocatedInItsBatch() {
        dien.driveTo(2020, "03148", "CANDIDATE");
        UUID area = jdbc.queryForObject("SELECT id FROM programme_area WHERE area_code = '03148' AND programme_year = 2020",
                UUID.class);
        String key = area + "/1";
        assertEquals("kiemthu", jdbc.queryForObject("SELECT recorded_by FROM programme_transition WHERE area_id = ? AND step = 1",
                String.class, area));
        long seq = batchOf("programme_transition", key);
        String recorded = rowHashIn(seq, "programme_transition", key);
        assertTrue(verify().get("intact").asBoolean());
        try {
            for (String forged : new String[] {"canbo.dienbien", null}) {
                jdbc.update("UPDATE programme_transition SET recorded_by = ? WHERE area_id = ? AND step = 1", forged, area);
                JsonNode report = verify();
                assertFalse(report.get("intact").asBoolean(), report::toString);
                JsonNode brk = report.get("firstBreak");
                assertEquals("ROW_ALTERED", brk.get("problem").asString(), report::toString);
                assertEquals(seq, brk.get("seq").asLong());
                assertEquals("LIFECYCLE_STEP", brk.get("kind").asString());
                assertEquals("programme_transition", brk.get("table").asString());
                assertEquals(key, brk.get("key").asString());
                assertEquals(recorded, brk.get("stored").asString());
                assertEquals(1, report.get("problemCount").asInt(), report::toString);
            }
        } finally {
            jdbc.update("UPDATE programme_transition SET recorded_by = 'kiemthu' WHERE area_id = ? AND step = 1", area);
        }
        assertTrue(verify().get("intact").asBoolean(), "put back, the step hashes as recorded again");
    }

    /**
     * Screenings, monitoring reports, accounts with their roles and provinces, tokens (by their hashes), the
     * administrators' log and stored rule files are chained like verdicts: each rewritten behind the application's
     * back is named at the batch that recorded it; put back, the chain is intact again.
     */
    @Test
    void everyRecordIsChainedAndARewrittenScreeningAccountTokenOrRuleFileIsLocated() throws Exception {
        Http.Response screened = http.post("/api/v1/screenings", Http.JSON,
                Files.readAllBytes(Path.of("examples", "screening-thanh-hoa.json")));
        assertEquals(201, screened.status(), screened.describe());
        String screening = screened.json().get("id").asString();
        Http.Response reported = http.postJson("/api/v1/monitoring-reports", MonitoringApiTest.BODY);
        assertEquals(201, reported.status(), reported.describe());
        String report = reported.json().get("id").asString();
        Http.Response account = http.postJson("/api/v1/admin/accounts", """
                {"username": "chuoi.kiemtoan", "displayName": "Hệ thống kiểm tra chuỗi", "password": null,
                 "roles": ["EVALUATOR"], "national": false, "provinces": ["QD124_2004:24"]}""");
        assertEquals(201, account.status(), account.describe());
        Http.Response issued = http.postJson("/api/v1/admin/tokens", """
                {"username": "chuoi.kiemtoan", "label": "Kiểm tra chuỗi"}""");
        assertEquals(201, issued.status(), issued.describe());
        String token = issued.json().get("id").asString();
        Http.Response changed = http.send("PUT", "/api/v1/admin/accounts/chuoi.kiemtoan", Http.JSON, """
                {"roles": ["EVALUATOR", "AUDITOR"], "national": false, "provinces": ["QD124_2004:24"], "enabled": true}""");
        assertEquals(200, changed.status(), changed.describe());

        assertTrue(verify().get("intact").asBoolean(), () -> verify().toString());
        assertEquals("SCREENING", kindOf(lastBatchOf("screening", screening)));
        assertEquals("MONITORING_REPORT", kindOf(lastBatchOf("monitoring_report", report)));
        long accountBatch = lastBatchOf("account", "chuoi.kiemtoan");
        assertEquals("ACCOUNT", kindOf(accountBatch));
        assertTrue(accountBatch > lastBatchOf("api_token", token), "the role change listed the account again");
        assertTrue(jdbc.queryForObject("SELECT entries FROM audit_chain WHERE seq = ?", String.class, accountBatch)
                .contains("\naccount_event "), "the change and its log line are one batch");
        String version = jdbc.queryForObject("SELECT version_id FROM ruleset_version ORDER BY seq FETCH FIRST 1 ROW ONLY",
                String.class);
        assertEquals("RULESET_VERSION", kindOf(lastBatchOf("ruleset_file", version + "/0")));

        UUID screeningId = UUID.fromString(screening);
        assertTampering("screening", screening, "SCREENING",
                "UPDATE screening SET candidates = candidates + 1 WHERE id = ?",
                "UPDATE screening SET candidates = candidates - 1 WHERE id = ?", screeningId);
        assertTampering("monitoring_report", report, "MONITORING_REPORT",
                "UPDATE monitoring_report SET submitter = 'canbo.dienbien' WHERE id = ?",
                "UPDATE monitoring_report SET submitter = 'kiemthu' WHERE id = ?", UUID.fromString(report));
        // a province granted, then the ADMIN role, in the database itself
        assertTampering("account", "chuoi.kiemtoan", "ACCOUNT",
                "UPDATE account SET provinces = 'QD124_2004:24,QD124_2004:11' WHERE username = ?",
                "UPDATE account SET provinces = 'QD124_2004:24' WHERE username = ?", "chuoi.kiemtoan");
        String roles = jdbc.queryForObject("SELECT roles FROM account WHERE username = 'chuoi.kiemtoan'", String.class);
        assertTampering("account", "chuoi.kiemtoan", "ACCOUNT",
                "UPDATE account SET roles = '" + roles + ",ADMIN' WHERE username = ?",
                "UPDATE account SET roles = '" + roles + "' WHERE username = ?", "chuoi.kiemtoan");
        // a token whose secret the forger knows, put in place of the issued one's hash
        String hash = jdbc.queryForObject("SELECT token_hash FROM api_token WHERE id = ?", String.class,
                UUID.fromString(token));
        assertTampering("api_token", token, "ACCOUNT", "UPDATE api_token SET token_hash = '" + Canonical.sha256("forged")
                + "' WHERE id = ?", "UPDATE api_token SET token_hash = '" + hash + "' WHERE id = ?", UUID.fromString(token));
        assertTampering("ruleset_file", version + "/0", "RULESET_VERSION",
                // the file's bytes written twice over: SQL that H2 and PostgreSQL both read (no binary literal)
                "UPDATE ruleset_file SET content = content || content WHERE version_id = ? AND ordinal = 0",
                "UPDATE ruleset_file SET content = SUBSTRING(content, 1, OCTET_LENGTH(content) / 2) WHERE version_id = ?"
                        + " AND ordinal = 0", version);

        // a line of the administrators' log written behind the application's back
        jdbc.update("INSERT INTO account_event (event_at, actor, action, username, details) VALUES"
                + " (CURRENT_TIMESTAMP, 'kiemthu', 'ACCOUNT_CHANGED', 'chuoi.kiemtoan', 'roles ADMIN')");
        long forged = jdbc.queryForObject("SELECT MAX(seq) FROM account_event", Long.class);
        try {
            JsonNode broken = verify();
            assertFalse(broken.get("intact").asBoolean(), broken::toString);
            assertEquals("ROW_UNCHAINED", broken.get("firstBreak").get("problem").asString(), broken::toString);
            assertEquals("account_event", broken.get("firstBreak").get("table").asString());
            assertEquals(String.valueOf(forged), broken.get("firstBreak").get("key").asString());
        } finally {
            jdbc.update("DELETE FROM account_event WHERE seq = ?", forged);
        }
        assertTrue(verify().get("intact").asBoolean());
    }

    /** Runs {@code tamper}, expects the row named at its last batch as ROW_ALTERED, the only problem; undoes it. */
    private void assertTampering(String table, String key, String kind, String tamper, String undo, Object id) {
        long seq = lastBatchOf(table, key);
        String recorded = rowHashIn(seq, table, key);
        assertEquals(1, jdbc.update(tamper, id));
        try {
            JsonNode report = verify();
            assertFalse(report.get("intact").asBoolean(), report::toString);
            JsonNode brk = report.get("firstBreak");
            assertEquals("ROW_ALTERED", brk.get("problem").asString(), report::toString);
            assertEquals(seq, brk.get("seq").asLong(), report::toString);
            assertEquals(kind, brk.get("kind").asString());
            assertEquals(table, brk.get("table").asString());
            assertEquals(key, brk.get("key").asString());
            assertEquals(recorded, brk.get("stored").asString());
            assertEquals(1, report.get("problemCount").asInt(), report::toString);
        } finally {
            jdbc.update(undo, id);
        }
        assertTrue(verify().get("intact").asBoolean(), () -> table + " put back: " + verify());
    }

    @Test
    void aDeletedRowIsLocatedInItsBatch() {
        String id = dien.evaluate("03130", "2020-01-01", "2020-12-14", MET, "PROGRESS", null);
        long seq = batchOf("evaluation", id);
        jdbc.execute("CREATE TABLE deleted_evaluation AS SELECT * FROM evaluation WHERE id = '" + id + "'");
        jdbc.update("DELETE FROM evaluation WHERE id = ?", UUID.fromString(id));
        try {
            JsonNode report = verify();
            assertFalse(report.get("intact").asBoolean(), report::toString);
            JsonNode brk = report.get("firstBreak");
            assertEquals("ROW_MISSING", brk.get("problem").asString(), report::toString);
            assertEquals(seq, brk.get("seq").asLong());
            assertEquals("evaluation", brk.get("table").asString());
            assertEquals(id, brk.get("key").asString());
            assertTrue(brk.get("recomputed").isNull());
            assertEquals(1, report.get("problemCount").asInt(), report::toString);
        } finally {
            String columns = String.join(", ", Canonical.EVALUATION.columns().stream().map(Canonical.Column::name).toList());
            jdbc.update("INSERT INTO evaluation (" + columns + ") SELECT " + columns + " FROM deleted_evaluation");
            jdbc.execute("DROP TABLE deleted_evaluation");
        }
        assertTrue(verify().get("intact").asBoolean());
    }

    @Test
    void aRowInsertedBehindTheChainsBackIsFound() {
        jdbc.update("INSERT INTO ruleset_action (action_at, actor, action, to_version, comment) VALUES"
                + " (CURRENT_TIMESTAMP, 'kẻ gian', 'ACTIVATED', 'v-giả', 'không qua ứng dụng')");
        long forged = jdbc.queryForObject("SELECT MAX(seq) FROM ruleset_action", Long.class);
        try {
            JsonNode report = verify();
            assertFalse(report.get("intact").asBoolean(), report::toString);
            JsonNode brk = report.get("firstBreak");
            assertEquals("ROW_UNCHAINED", brk.get("problem").asString(), report::toString);
            assertTrue(brk.get("seq").isNull());
            assertEquals("ruleset_action", brk.get("table").asString());
            assertEquals(String.valueOf(forged), brk.get("key").asString());
            assertEquals(1, report.get("problemCount").asInt(), report::toString);
        } finally {
            jdbc.update("DELETE FROM ruleset_action WHERE seq = ?", forged);
        }
        assertTrue(verify().get("intact").asBoolean());
    }

    @Test
    void theHeadIsWrittenToTheFileAndShownOnThePage() {
        String id = dien.evaluate("03127", "2020-01-01", "2020-12-14", MET, "PROGRESS", null);
        long seq = batchOf("evaluation", id);
        String hash = jdbc.queryForObject("SELECT hash FROM audit_chain WHERE seq = ?", String.class, seq);
        // the file holds this batch's head, or a later one, once the writer has run: poll, with a deadline
        String last = awaitHeadAtLeast(seq);
        String[] parts = last.split(" ");
        assertEquals(3, parts.length, last);
        assertEquals(jdbc.queryForObject("SELECT hash FROM audit_chain WHERE seq = ?", String.class,
                Long.parseLong(parts[0])), parts[1], "the line is the chain's hash at its seq");
        Instant.parse(parts[2]);
        if (Long.parseLong(parts[0]) == seq) assertEquals(hash, parts[1]);

        JsonNode report = verify();
        JsonNode file = report.get("headFile");
        assertEquals(dir.resolve("heads.log").toAbsolutePath().toString(), file.get("path").asString());
        assertTrue(file.get("headsRecorded").asInt() >= 1);
        assertTrue(file.get("lastLineOnChain").asBoolean(), report::toString);
        assertTrue(file.get("allOnChain").asBoolean(), report::toString);
        String page = http.get("/audit/verify").text();
        assertTrue(page.contains(dir.resolve("heads.log").toAbsolutePath().toString()), page);
        // the last line in words: batch, hash and the time it was written, in Vietnam time, never the ISO instant
        assertTrue(java.util.regex.Pattern.compile("lô</span> <code translate=\"no\">\\d+</code>,[\\s\\S]*ghi lúc</span> <span id=\"last-head-at\">"
                + "\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}</span>").matcher(page).find(), page);
        assertFalse(java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:").matcher(page).find(), page);
    }

    @Test
    void aChainRebuiltConsistentlyOverAChangedRowIsCaughtByTheHeadFile() {
        String id = dien.evaluate("03130", "2020-01-01", "2020-12-14", MET, "PROGRESS", null);
        long seq = batchOf("evaluation", id);
        awaitHeadAtLeast(seq);
        byte[] original = jdbc.queryForObject("SELECT packed_documents FROM evaluation WHERE id = ?", byte[].class,
                UUID.fromString(id));
        jdbc.execute("CREATE TABLE chain_backup AS SELECT * FROM audit_chain");
        try {
            // the forger changes a verdict and recomputes every hash of every batch from the rows, as the verifier does
            jdbc.update("UPDATE evaluation SET packed_documents = ? WHERE id = ?", notTransformed(original),
                    UUID.fromString(id));
            rebuildChain();

            JsonNode report = verify();
            assertFalse(report.get("intact").asBoolean(), report::toString);
            JsonNode brk = report.get("firstBreak");
            assertEquals("HEAD_NOT_ON_CHAIN", brk.get("problem").asString(), report::toString);
            for (JsonNode p : report.get("problems")) {
                assertEquals("HEAD_NOT_ON_CHAIN", p.get("problem").asString(),
                        "the rebuilt chain is consistent in itself: only the heads give it away: " + report);
            }
            assertTrue(brk.get("seq").asLong() >= seq, report::toString);
            assertFalse(report.get("headFile").get("lastLineOnChain").asBoolean());
            assertTrue(http.get("/audit/verify").text().contains("data-problem=\"HEAD_NOT_ON_CHAIN\""));
        } finally {
            jdbc.update("UPDATE evaluation SET packed_documents = ? WHERE id = ?", original, UUID.fromString(id));
            jdbc.update("DELETE FROM audit_chain");
            jdbc.update("INSERT INTO audit_chain SELECT * FROM chain_backup");
            jdbc.execute("DROP TABLE chain_backup");
        }
        assertTrue(verify().get("intact").asBoolean());
    }

    /** The stored evaluation with its verdict changed, packed again as the store packs it: what a forger would write. */
    private static byte[] notTransformed(byte[] packed) {
        PackedDocuments.Texts t = PackedDocuments.unpack(packed);
        assertTrue(t.responseJson().contains("\"TRANSFORMED\""), t.responseJson());
        return PackedDocuments.pack(t.requestJson(), t.responseJson().replace("\"TRANSFORMED\"", "\"NOT_TRANSFORMED\""),
                t.firedRulesJson());
    }

    /** What a forger with write access to the database can do: recompute every row hash and every link. */
    private void rebuildChain() {
        Map<String, Canonical.Entry> rows = new HashMap<>();
        Canonical.TABLES.forEach(t -> t.scan(jdbc, rows::put));
        String prev = Canonical.GENESIS;
        for (Map<String, Object> link : jdbc.queryForList("SELECT seq, kind, linked_at, entries FROM audit_chain"
                + " ORDER BY seq")) {
            long seq = ((Number) link.get("SEQ")).longValue();
            List<Canonical.Entry> entries = new ArrayList<>();
            for (String line : ((String) link.get("ENTRIES")).split("\n")) {
                String[] p = line.split(" ");
                entries.add(rows.get(p[0] + " " + p[1]));
            }
            String text = Canonical.entries(entries);
            String content = Canonical.sha256(text);
            Instant at = jdbc.queryForObject("SELECT linked_at FROM audit_chain WHERE seq = ?",
                    (rs, i) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant(), seq);
            String hash = Canonical.linkHash(seq, (String) link.get("KIND"), at, entries.size(), content, prev);
            jdbc.update("UPDATE audit_chain SET entries = ?, content_hash = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                    text, content, prev, hash, seq);
            prev = hash;
        }
    }

    private String awaitHeadAtLeast(long seq) {
        Path file = dir.resolve("heads.log");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            try {
                if (Files.exists(file)) {
                    List<String> lines = Files.readAllLines(file);
                    if (!lines.isEmpty()) {
                        String last = lines.get(lines.size() - 1);
                        if (Long.parseLong(last.split(" ")[0]) >= seq) return last;
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            if (Instant.now().isAfter(deadline)) throw new AssertionError("no head >= " + seq + " in " + file);
            Thread.onSpinWait();
        }
    }

    private JsonNode verify() {
        Http.Response r = http.get(VERIFY);
        assertEquals(200, r.status(), r.describe());
        assertEquals(Http.JSON, r.mediaType());
        return r.json();
    }

    private long batchOf(String table, String key) {
        return jdbc.queryForObject("SELECT seq FROM audit_chain WHERE entries LIKE ?", Long.class,
                "%" + table + " " + key + " %");
    }

    private long lastBatchOf(String table, String key) {
        return jdbc.queryForObject("SELECT MAX(seq) FROM audit_chain WHERE entries LIKE ?", Long.class,
                "%" + table + " " + key + " %");
    }

    private String kindOf(long seq) {
        return jdbc.queryForObject("SELECT kind FROM audit_chain WHERE seq = ?", String.class, seq);
    }

    private String rowHashIn(long seq, String table, String key) {
        String entries = jdbc.queryForObject("SELECT entries FROM audit_chain WHERE seq = ?", String.class, seq);
        for (String line : entries.split("\n")) {
            if (line.startsWith(table + " " + key + " ")) return line.split(" ")[2];
        }
        throw new AssertionError(table + " " + key + " not in batch " + seq);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

}
