package vn.chuyenhoa.ruleset;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import vn.chuyenhoa.support.Database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import vn.chuyenhoa.audit.TestDatabase;

/** On H2 and on PostgreSQL: the same store, the same expectations. */
@ParameterizedClass(name = "on {0}")
@EnumSource(Database.class)
class RulesetStoreTest {

    @Parameter
    Database database;

    private TestDatabase db;
    private RulesetStore store;

    @BeforeEach
    void open() {
        db = TestDatabase.on(database);
        store = db.rulesetStore();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void storesAVersionOnceWithItsFilesByteForByteInTheirOrder() {
        byte[] everyByte = new byte[4096];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        List<StoredFile> files = List.of(
                new StoredFile("rules/z-đánh-giá.drl", "rule \"Địa bàn đã chuyển hóa\"\nwhen\nthen\nend\n"
                        .getBytes(StandardCharsets.UTF_8)),
                new StoredFile("decision-tables/ngưỡng.xlsx", everyByte),
                new StoredFile("rules/a.drl", new byte[0]));
        Instant before = Instant.now();

        assertThat(store.saveIfAbsent("v1", "DISK", files)).isTrue();
        assertThat(store.saveIfAbsent("v1", "UPLOAD", List.of(new StoredFile("other.drl", new byte[] {1})))).isFalse();

        StoredVersion stored = store.find("v1").orElseThrow();
        assertThat(stored.versionId()).isEqualTo("v1");
        assertThat(stored.origin()).isEqualTo("DISK");
        assertThat(stored.files()).containsExactlyElementsOf(files);
        assertThat(stored.files().get(1).content()).isEqualTo(everyByte);
        assertThat(stored.storedAt()).isBetween(before, Instant.now());
        assertThat(store.find("v2")).isEmpty();
    }

    @Test
    void latestIsTheMostRecentlyStoredVersion() {
        assertThat(store.latest()).isEmpty();
        assertThat(store.versionIds()).isEmpty();
        List<StoredFile> files = List.of(new StoredFile("rules/a.drl", new byte[] {42}));

        store.saveIfAbsent("b-2025.01", "DISK", files);
        store.saveIfAbsent("a-2025.02", "DISK", files);
        store.saveIfAbsent("c-2025.03", "DISK", files);
        store.saveIfAbsent("b-2025.01", "DISK", files);

        assertThat(store.versionIds()).containsExactly("c-2025.03", "a-2025.02", "b-2025.01");
        assertThat(store.latest().map(StoredVersion::versionId)).contains("c-2025.03");
        assertThat(store.latest().orElseThrow().files()).isEqualTo(files);
    }

    @Test
    void concurrentFirstStoresOfOneVersionStoreItOnce() throws Exception {
        List<StoredFile> files = IntStream.range(0, 20)
                .mapToObj(i -> new StoredFile("rules/r" + i + ".drl", new byte[64 * 1024])).toList();
        int threads = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> results = IntStream.range(0, threads)
                    .mapToObj(i -> pool.submit(() -> {
                        go.await();
                        return store.saveIfAbsent("v-race", "DISK", files);
                    })).toList();
            go.countDown();

            int stored = 0;
            for (Future<Boolean> result : results) {
                stored += result.get() ? 1 : 0;
            }
            assertThat(stored).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(store.find("v-race").orElseThrow().files()).isEqualTo(files);
        assertThat(store.versionIds()).containsExactly("v-race");
    }

    /**
     * The operations trial's finding 4 at the store: activations from one version in force, at once, from two
     * processes (two chains on one database, as two instances have): one is recorded, the others are refused naming
     * the version the winner put in force, so the log never forks.
     */
    @Test
    void anActivationIsRecordedOnlyFromTheVersionInForce() throws Exception {
        List<StoredFile> files = List.of(new StoredFile("rules/a.drl", new byte[] {1}));
        store.recordActivation("system", null, "d", "khởi tạo", null);
        RulesetStore other = new RulesetStore(db.jdbc, new vn.chuyenhoa.audit.AuditChain(db.jdbc, db.transactions()));
        for (int round = 0; round < 5; round++) {
            String from = round == 0 ? "d" : store.activeVersionId().orElseThrow();
            List<String> drafts = List.of("v" + round + "a", "v" + round + "b", "v" + round + "c", "v" + round + "d");
            drafts.forEach(v -> store.saveIfAbsent(v, "UPLOAD", files));
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(drafts.size());
            List<Future<?>> results;
            try {
                results = IntStream.range(0, drafts.size()).mapToObj(i -> pool.submit(() -> {
                    go.await();
                    (i % 2 == 0 ? store : other).recordActivation("duyet" + i, from, drafts.get(i), "đua", null);
                    return null;
                })).collect(java.util.stream.Collectors.toList());
                go.countDown();
                int recorded = 0;
                for (Future<?> result : results) {
                    try {
                        result.get();
                        recorded++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOfSatisfying(RulesetStore.ActivatedMeanwhile.class,
                                refused -> assertThat(refused.inForce()).isNotEqualTo(from).isIn(drafts));
                    }
                }
                assertThat(recorded).as("round %d", round).isEqualTo(1);
            } finally {
                pool.shutdown();
            }
            String winner = store.activeVersionId().orElseThrow();
            assertThat(store.actions(null).stream().filter(a -> a.action().equals("ACTIVATED")
                    && from.equals(a.fromVersion()))).singleElement().extracting(RulesetAction::toVersion).isEqualTo(winner);
            // a late one, from the version that was in force, is refused too; nothing recorded
            assertThatThrownBy(() -> other.recordActivation("muon", from, drafts.get(0), "muộn", null))
                    .isInstanceOfSatisfying(RulesetStore.ActivatedMeanwhile.class,
                            e -> assertThat(e.inForce()).isEqualTo(winner));
            assertThat(store.activeVersionId()).contains(winner);
        }
    }

    @Test
    void aVersionListingOnePathTwiceIsRefused() {
        List<StoredFile> files = List.of(new StoredFile("rules/a.drl", new byte[] {1}),
                new StoredFile("rules/a.drl", new byte[] {2}));

        assertThatThrownBy(() -> store.saveIfAbsent("v1", "DISK", files))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rules/a.drl");
        assertThat(store.find("v1")).isEmpty();
    }

    @Test
    void theLastLoadFailureIsKept() {
        assertThat(store.lastLoadFailure()).isEmpty();
        LoadFailure first = new LoadFailure(Instant.parse("2025-07-01T01:00:00.000000001Z"), "v-bad-1",
                "{\"errors\":[\"dòng 3: thiếu 'end'\"]}");
        LoadFailure second = new LoadFailure(Instant.parse("2025-07-01T00:00:00Z"), "v-bad-2",
                "{\"errors\":[\"bảng quyết định trống\"]}");

        store.recordLoadFailure(first);
        assertThat(store.lastLoadFailure()).contains(first);
        store.recordLoadFailure(second);

        // the last recorded, even though its clock reads earlier
        assertThat(store.lastLoadFailure()).contains(second);
        assertThat(store.versionIds()).isEmpty();
    }
}
