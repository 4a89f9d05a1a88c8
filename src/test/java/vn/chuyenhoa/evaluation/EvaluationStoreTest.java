package vn.chuyenhoa.evaluation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import vn.chuyenhoa.support.Database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.chuyenhoa.evaluation.TestEvaluations.evaluation;
import vn.chuyenhoa.http.Page;
import vn.chuyenhoa.audit.TestDatabase;
import vn.chuyenhoa.audit.AuditChain;
import vn.chuyenhoa.audit.Canonical;
import vn.chuyenhoa.audit.ChainVerifier;
import vn.chuyenhoa.audit.HeadFile;
import vn.chuyenhoa.audit.SqlTime;

/** On H2 and on PostgreSQL: the same store, the same expectations. */
@ParameterizedClass(name = "on {0}")
@EnumSource(Database.class)
class EvaluationStoreTest {

    @Parameter
    Database database;

    private static final Instant T0 = Instant.parse("2025-07-01T00:00:00Z");

    private TestDatabase db;
    private EvaluationStore store;

    @BeforeEach
    void open() {
        db = TestDatabase.on(database);
        store = db.startedEvaluationStore();
    }

    @AfterEach
    void close() {
        store.stop();
        db.close();
    }

    @Test
    void keepsEveryFieldAndTheJsonByteForByte() {
        String decomposed = Normalizer.normalize("Xã Đắk Lắk, huyện Krông Pắc", Normalizer.Form.NFD);
        String request = "{\n  \"địaBàn\" : \"Phường Bến Nghé\",\t\"ghiChú\":\"\\\"trọng điểm\\\" \\u0111ã chuyển hóa\","
                + " \"emoji\":\"🚔\", \"n\": 1.50e0, \"nfd\":\"" + decomposed + "\", \"dài\":\""
                + "Đường Nguyễn Thị Minh Khai ".repeat(20_000) + "\"}\r\n";
        String response = "{\"verdict\":\"DA_CHUYEN_HOA\",\"lýDo\":[\"Tội phạm giảm 45%\",\"Không còn điểm nóng\"]} ";
        EvaluationRecord full = evaluation().json(request, response).idempotencyKey("khóa-Ω-1").build();
        TestEvaluations sparse = evaluation();
        sparse.districtCode = null;
        sparse.submitter = null;
        EvaluationRecord minimal = sparse.build();

        store.saveNow(full);
        store.saveNow(minimal);

        assertThat(store.find(full.id())).contains(full);
        assertThat(store.find(minimal.id())).contains(minimal);
        assertThat(store.findResponse(full.id()).orElseThrow()).isEqualTo(response.getBytes(StandardCharsets.UTF_8));
        assertThat(store.find(full.id()).orElseThrow().requestJson()).contains(decomposed)
                .isEqualTo(request);
        assertThat(store.findByIdempotencyKey("khóa-Ω-1")).contains(full);
        assertThat(store.find(UUID.randomUUID())).isEmpty();
        assertThat(store.findResponse(UUID.randomUUID())).isEmpty();
        assertThat(store.count()).isEqualTo(2);
    }

    /**
     * V13: a row is stored packed (text columns NULL, ~a fifteenth of the bytes), a row stored before V13 keeps its
     * text and is read from it, and the chain verifies over both forms.
     */
    @Test
    void storesTheTextsPackedAndStillReadsRowsStoredAsText(@TempDir Path heads) {
        String response = "{\"verdict\":\"TRANSFORMED\",\"criteria\":["
                + "{\"labelVi\":\"Tỷ lệ điều tra khám phá án\",\"outcome\":\"MET\"},".repeat(200) + "{}]}";
        EvaluationRecord packed = evaluation().json("{\"a\": 1}", response).build();
        store.saveNow(packed);

        var row = db.jdbc.queryForMap("SELECT request_json, response_json, fired_rules_json, packed_documents"
                + " FROM evaluation WHERE id = ?", packed.id());
        assertThat(row.values().stream().limit(3)).containsOnlyNulls();
        assertThat((byte[]) row.values().stream().skip(3).findFirst().orElseThrow())
                .hasSizeLessThan(response.length() / 10);
        assertThat(store.find(packed.id())).contains(packed);
        assertThat(store.findResponse(packed.id()).orElseThrow()).isEqualTo(response.getBytes(StandardCharsets.UTF_8));

        // as V1 to V12 stored it: the three texts, no packed value (and linked into the chain as it was then)
        EvaluationRecord old = evaluation().json("{\"cũ\": true}", "{\"verdict\":\"NOT_TRANSFORMED\"} ").build();
        db.chain.record(AuditChain.Kind.EVALUATIONS, links -> {
            db.jdbc.update("INSERT INTO evaluation (id, evaluated_at, code_scheme, area_code, area_name, province_code,"
                    + " district_code, profile_id, verdict, purpose, period_from, period_to, ruleset_version,"
                    + " request_json, response_json, fired_rules_json, idempotency_key, request_hash, submitter)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", old.id(),
                    SqlTime.utc(old.evaluatedAt()), old.codeScheme(), old.areaCode(), old.areaName(),
                    old.provinceCode(), old.districtCode(), old.profileId(), old.verdict(), old.purpose(),
                    old.periodFrom(), old.periodTo(), old.rulesetVersion(), old.requestJson(), old.responseJson(),
                    old.firedRulesJson(), old.idempotencyKey(), old.requestHash(), old.submitter());
            links.add(Canonical.EVALUATION.stored(db.jdbc, old.id()));
            return null;
        });
        assertThat(store.find(old.id())).contains(old);
        assertThat(store.findResponse(old.id()).orElseThrow())
                .isEqualTo(old.responseJson().getBytes(StandardCharsets.UTF_8));
        ChainVerifier.Report report = new ChainVerifier(db.jdbc, new HeadFile(db.chain,
                heads.resolve("heads.log"), Duration.ofSeconds(10))).verify();
        assertThat(report.intact()).as("%s", report).isTrue();

        // a row in neither form, or in both, is refused by the database
        assertThatThrownBy(() -> db.jdbc.update("UPDATE evaluation SET packed_documents = NULL WHERE id = ?",
                packed.id())).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThatThrownBy(() -> db.jdbc.update("UPDATE evaluation SET packed_documents = ? WHERE id = ?",
                new byte[] {1}, old.id())).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    void aSecondSaveWithTheSameIdempotencyKeyFailsAndTheFirstStaysIntact() {
        EvaluationRecord first = evaluation().idempotencyKey("req-42").build();
        EvaluationRecord retry = evaluation().idempotencyKey("req-42").verdict("CHUA_CHUYEN_HOA").build();
        store.saveNow(first);

        assertThatThrownBy(() -> store.saveNow(retry))
                .isInstanceOfSatisfying(DuplicateIdempotencyKeyException.class, e -> {
                    assertThat(e.idempotencyKey()).isEqualTo("req-42");
                    assertThat(e.existingId()).isEqualTo(first.id());
                });
        assertThat(store.find(first.id())).contains(first);
        assertThat(store.find(retry.id())).isEmpty();
        assertThat(store.findByIdempotencyKey("req-42")).contains(first);
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void aDuplicateInsideOneBatchFailsOnlyItsOwnSave() throws Exception {
        EvaluationRecord held = evaluation().build();
        store.saveNow(held);
        TestDatabase.WriterStall stall = db.stallWriterOn(held.id());
        CompletableFuture<Void> blocker = store.save(evaluation().supersedes(held.id(), "sửa số liệu").build());
        stall.awaitWriterBlocked();

        EvaluationRecord first = evaluation().idempotencyKey("dup").build();
        EvaluationRecord plain = evaluation().build();
        EvaluationRecord duplicate = evaluation().idempotencyKey("dup").build();
        EvaluationRecord last = evaluation().idempotencyKey("other").build();
        List<CompletableFuture<Void>> saves = List.of(store.save(first), store.save(plain), store.save(duplicate),
                store.save(last));
        stall.release();

        blocker.join();
        saves.get(0).join();
        saves.get(1).join();
        saves.get(3).join();
        assertThatThrownBy(saves.get(2)::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(DuplicateIdempotencyKeyException.class,
                        e -> assertThat(e.existingId()).isEqualTo(first.id()));
        assertThat(store.find(first.id())).contains(first);
        assertThat(store.find(plain.id())).contains(plain);
        assertThat(store.find(last.id())).contains(last);
        assertThat(store.find(duplicate.id())).isEmpty();
        assertThat(store.count()).isEqualTo(5);
    }

    @Test
    void searchFiltersAndPagesNewestFirst() {
        List<EvaluationRecord> all = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            all.add(evaluation().at(T0.plus(Duration.ofMinutes(i)))
                    .area("DVHC-2025", i % 2 == 0 ? "A" : "B")
                    .province(i < 10 ? "79" : "01")
                    .profile(i % 3 == 0 ? "p3" : "p")
                    .verdict(i % 5 == 0 ? "DA_CHUYEN_HOA" : "CHUA_CHUYEN_HOA")
                    .purpose(i % 4 == 0 ? "PROGRESS" : "FINAL")
                    .ruleset(i < 20 ? "v1" : "v2")
                    .build());
        }
        // shuffled submission: the order of a listing must come from evaluated_at, not from arrival
        List<CompletableFuture<Void>> saves = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            saves.add(store.save(all.get((i * 7) % 25)));
        }
        saves.forEach(CompletableFuture::join);

        assertSearch(filter("DVHC-2025", "A", null, null, null, null, null, null, null), all,
                r -> r.areaCode().equals("A"));
        assertSearch(filter("OTHER", "A", null, null, null, null, null, null, null), all, r -> false);
        assertSearch(filter(null, null, "79", null, null, null, null, null, null), all,
                r -> r.provinceCode().equals("79"));
        assertSearch(filter(null, null, null, "p3", null, null, null, null, null), all,
                r -> r.profileId().equals("p3"));
        assertSearch(filter(null, null, null, null, "DA_CHUYEN_HOA", null, null, null, null), all,
                r -> r.verdict().equals("DA_CHUYEN_HOA"));
        assertSearch(filter(null, null, null, null, null, "PROGRESS", null, null, null), all,
                r -> r.purpose().equals("PROGRESS"));
        assertSearch(filter(null, null, null, null, null, null, "v2", null, null), all,
                r -> r.rulesetVersion().equals("v2"));
        Instant from = T0.plus(Duration.ofMinutes(5));
        Instant to = T0.plus(Duration.ofMinutes(10));
        assertSearch(filter(null, null, null, null, null, null, null, from, to), all,
                r -> !r.evaluatedAt().isBefore(from) && r.evaluatedAt().isBefore(to));
        assertSearch(filter("DVHC-2025", "B", "01", "p", "CHUA_CHUYEN_HOA", "FINAL", "v1", from, null), all,
                r -> r.areaCode().equals("B") && r.provinceCode().equals("01") && r.profileId().equals("p")
                        && r.verdict().equals("CHUA_CHUYEN_HOA") && r.purpose().equals("FINAL")
                        && r.rulesetVersion().equals("v1") && !r.evaluatedAt().isBefore(from));

        List<UUID> newestFirst = ids(all.stream().sorted(Comparator.comparing(EvaluationRecord::evaluatedAt).reversed())
                .toList());
        Page<EvaluationSummary> first = store.search(null, 0, 10);
        Page<EvaluationSummary> third = store.search(null, 2, 10);
        assertThat(first.items().stream().map(EvaluationSummary::id)).containsExactlyElementsOf(newestFirst.subList(0, 10));
        assertThat(store.search(null, 1, 10).items().stream().map(EvaluationSummary::id))
                .containsExactlyElementsOf(newestFirst.subList(10, 20));
        assertThat(third.items().stream().map(EvaluationSummary::id))
                .containsExactlyElementsOf(newestFirst.subList(20, 25));
        assertThat(List.of(first.page(), first.size(), first.totalItems(), first.totalPages()))
                .containsExactly(0, 10, 25L, 3);
        assertThat(List.of(third.page(), third.size(), third.totalItems(), third.totalPages()))
                .containsExactly(2, 10, 25L, 3);
        Page<EvaluationSummary> beyond = store.search(null, 3, 10);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.totalItems()).isEqualTo(25);
        Page<EvaluationSummary> capped = store.search(null, 0, 10_000);
        assertThat(capped.size()).isEqualTo(EvaluationStore.MAX_PAGE_SIZE);
        assertThat(capped.totalPages()).isEqualTo(1);
        assertThat(capped.items()).hasSize(25);
        assertThatThrownBy(() -> store.search(null, -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.search(null, 0, 0)).isInstanceOf(IllegalArgumentException.class);

        EvaluationRecord sample = all.get(3);
        EvaluationSummary summary = store.search(filter(null, null, null, null, null, null, null,
                sample.evaluatedAt(), sample.evaluatedAt().plusNanos(1)), 0, 10).items().get(0);
        assertThat(summary).isEqualTo(new EvaluationSummary(sample.id(), sample.evaluatedAt(), sample.codeScheme(),
                sample.areaCode(), sample.areaName(), sample.provinceCode(), sample.profileId(), sample.verdict(),
                sample.purpose(), sample.periodFrom(), sample.periodTo(), sample.rulesetVersion(), "ACTIVE", sample.submitter()));
    }

    @Test
    void evaluationsOfTheSameInstantListTheLaterStoredFirst() {
        EvaluationRecord earlier = evaluation().at(T0).build();
        EvaluationRecord later = evaluation().at(T0).build();
        store.saveNow(earlier);
        store.saveNow(later);

        assertThat(store.search(null, 0, 10).items().stream().map(EvaluationSummary::id))
                .containsExactly(later.id(), earlier.id());
    }

    @Test
    void withdrawalKeepsTheEvaluationAndIsFinal() {
        EvaluationRecord verdict = evaluation().build();
        store.saveNow(verdict);
        assertThat(store.status(verdict.id())).isEqualTo(new EvaluationStatus(verdict.id(), "ACTIVE", List.of()));

        store.withdraw(verdict.id(), "Nhập sai số vụ án", "thanh-tra-1");

        EvaluationStatus status = store.status(verdict.id());
        assertThat(status.state()).isEqualTo("WITHDRAWN");
        assertThat(status.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("WITHDRAWN");
            assertThat(e.reason()).isEqualTo("Nhập sai số vụ án");
            assertThat(e.by()).isEqualTo("thanh-tra-1");
            assertThat(e.supersededBy()).isNull();
            assertThat(e.at()).isNotNull();
        });
        assertThat(store.find(verdict.id())).contains(verdict);
        assertThat(store.search(null, 0, 10).items()).singleElement()
                .satisfies(s -> assertThat(s.state()).isEqualTo("WITHDRAWN"));
        assertThatThrownBy(() -> store.withdraw(verdict.id(), "lần hai", null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already WITHDRAWN");
        assertThat(store.status(verdict.id()).events()).hasSize(1);
        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> store.withdraw(unknown, "không có", null))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining(unknown.toString());
        assertThatThrownBy(() -> store.status(unknown)).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> store.withdraw(verdict.id(), " ", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void supersessionMarksTheOldEvaluationAndOnlyAnActiveOneCanBeSuperseded() {
        EvaluationRecord old = evaluation().build();
        store.saveNow(old);
        EvaluationRecord replacement = evaluation().at(T0).supersedes(old.id(), "Bổ sung số liệu quý II").build();

        store.saveNow(replacement);

        assertThat(store.status(old.id())).isEqualTo(new EvaluationStatus(old.id(), "SUPERSEDED",
                List.of(new StatusEvent("SUPERSEDED", T0, "Bổ sung số liệu quý II", replacement.submitter(),
                        replacement.id()))));
        assertThat(store.status(replacement.id()).state()).isEqualTo("ACTIVE");
        assertThat(store.find(old.id())).contains(old);
        assertThat(store.find(replacement.id())).contains(replacement);

        EvaluationRecord second = evaluation().supersedes(old.id(), "lần hai").build();
        assertThatThrownBy(() -> store.saveNow(second)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already SUPERSEDED");
        assertThatThrownBy(() -> store.withdraw(old.id(), "rút", null)).isInstanceOf(IllegalStateException.class);

        EvaluationRecord withdrawn = evaluation().build();
        store.saveNow(withdrawn);
        store.withdraw(withdrawn.id(), "rút", null);
        EvaluationRecord ofWithdrawn = evaluation().supersedes(withdrawn.id(), "thay").build();
        assertThatThrownBy(() -> store.saveNow(ofWithdrawn)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already WITHDRAWN");

        EvaluationRecord ofNothing = evaluation().supersedes(UUID.randomUUID(), "thay").build();
        assertThatThrownBy(() -> store.saveNow(ofNothing)).isInstanceOf(NoSuchElementException.class);

        assertThat(store.find(second.id())).isEmpty();
        assertThat(store.find(ofWithdrawn.id())).isEmpty();
        assertThat(store.find(ofNothing.id())).isEmpty();
        assertThat(store.status(old.id()).events()).hasSize(1);
        assertThat(store.status(withdrawn.id()).state()).isEqualTo("WITHDRAWN");
        assertThat(store.count()).isEqualTo(3);
    }

    @Test
    void twoSupersessionsOfOneEvaluationInOneBatchLetOnlyTheFirstThrough() throws Exception {
        EvaluationRecord held = evaluation().build();
        EvaluationRecord target = evaluation().build();
        store.saveNow(held);
        store.saveNow(target);
        TestDatabase.WriterStall stall = db.stallWriterOn(held.id());
        CompletableFuture<Void> blocker = store.save(evaluation().supersedes(held.id(), "giữ").build());
        stall.awaitWriterBlocked();

        EvaluationRecord first = evaluation().supersedes(target.id(), "thay lần một").build();
        EvaluationRecord second = evaluation().supersedes(target.id(), "thay lần hai").build();
        CompletableFuture<Void> firstSave = store.save(first);
        CompletableFuture<Void> secondSave = store.save(second);
        stall.release();

        blocker.join();
        firstSave.join();
        // typed, so that the caller answers 409 as to a supersession sent after the first (the operations trial's
        // finding 3: it answered 500), and so does a withdrawal that comes after
        assertThatThrownBy(secondSave::join).cause().isInstanceOfSatisfying(EvaluationStore.NoLongerInForce.class, e -> {
            assertThat(e.target()).isEqualTo(target.id());
            assertThat(e.state()).isEqualTo("SUPERSEDED");
        });
        assertThatThrownBy(() -> store.withdraw(target.id(), "sai", "kiemthu"))
                .isInstanceOfSatisfying(EvaluationStore.NoLongerInForce.class,
                        e -> assertThat(e.state()).isEqualTo("SUPERSEDED"));
        assertThat(store.status(target.id()).events()).singleElement()
                .satisfies(e -> assertThat(e.supersededBy()).isEqualTo(first.id()));
        assertThat(store.find(second.id())).isEmpty();
    }

    @Test
    void incompleteRecordsAreRefusedBeforeQueueing() {
        TestEvaluations noVerdict = evaluation();
        noVerdict.verdict = null;
        noVerdict.responseJson = null;
        assertThatThrownBy(() -> store.save(noVerdict.build())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("verdict, responseJson");
        assertThatThrownBy(() -> store.save(evaluation().supersedes(UUID.randomUUID(), null).build()))
                .isInstanceOf(IllegalArgumentException.class);
        TestEvaluations reasonOnly = evaluation();
        reasonOnly.supersedeReason = "lý do";
        assertThatThrownBy(() -> store.save(reasonOnly.build())).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.count()).isZero();
    }

    @Test
    void aStoppedStoreRefusesSaves() {
        store.stop();

        assertThatThrownBy(() -> store.save(evaluation().build())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not running");
        assertThat(store.isRunning()).isFalse();
    }

    private void assertSearch(EvaluationFilter f, List<EvaluationRecord> all, Predicate<EvaluationRecord> expected) {
        List<UUID> expectedIds = ids(all.stream().filter(expected)
                .sorted(Comparator.comparing(EvaluationRecord::evaluatedAt).reversed()).toList());
        Page<EvaluationSummary> page = store.search(f, 0, 100);
        assertThat(page.items().stream().map(EvaluationSummary::id)).as("%s", f).containsExactlyElementsOf(expectedIds);
        assertThat(page.totalItems()).isEqualTo(expectedIds.size());
    }

    private static EvaluationFilter filter(String scheme, String area, String province, String profile, String verdict,
            String purpose, String ruleset, Instant from, Instant to) {
        return new EvaluationFilter(scheme, area, province, profile, verdict, purpose, ruleset, from, to);
    }

    private static List<UUID> ids(List<EvaluationRecord> records) {
        return records.stream().map(EvaluationRecord::id).toList();
    }
}
