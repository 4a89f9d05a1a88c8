package vn.chuyenhoa.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.chuyenhoa.evaluation.TestEvaluations.evaluation;
import vn.chuyenhoa.evaluation.EvaluationRecord;
import vn.chuyenhoa.evaluation.EvaluationStatus;
import vn.chuyenhoa.evaluation.EvaluationStore;
import vn.chuyenhoa.ruleset.LoadFailure;
import vn.chuyenhoa.ruleset.RulesetStore;
import vn.chuyenhoa.ruleset.StoredFile;

/**
 * The stores as the application runs them: Spring Boot's DataSource, Flyway and transaction manager on an
 * H2 file, started and closed as a whole application would be.
 */
class AuditStoreFileTest {

    @TempDir
    Path dir;

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class})
    @Import({EvaluationStore.class, RulesetStore.class, AuditChain.class, HeadFile.class, ChainVerifier.class,
            vn.chuyenhoa.kernel.DatabaseOutage.class})
    static class AuditOnly {
        // the store times its commits for the operators' metrics; here nobody reads them
        @org.springframework.context.annotation.Bean
        io.micrometer.core.instrument.MeterRegistry meters() {
            return new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(AuditOnly.class).web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                // an argument, not a default property, so that it wins over the application's own database URL
                .run("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("chuyenhoa") + ";AUTO_SERVER=FALSE",
                        "--chuyenhoa.audit.head-file=" + dir.resolve("heads.log"));
    }

    @Test
    void everythingReadsBackIdenticallyAfterARestart() {
        EvaluationRecord kept = evaluation().idempotencyKey("giữ-lại").json(
                "{\"tỉnh\":\"Thành phố Hồ Chí Minh\",\"số vụ\":[12,7]}", "{\"kếtLuận\":\"Đã chuyển hóa\"} ").build();
        EvaluationRecord withdrawn = evaluation().build();
        EvaluationRecord superseded = evaluation().build();
        EvaluationRecord replacement = evaluation().supersedes(superseded.id(), "Số liệu quý III").build();
        List<StoredFile> files = List.of(new StoredFile("rules/chuyển-hóa.drl",
                "rule \"Đạt\" when then end".getBytes(StandardCharsets.UTF_8)));
        LoadFailure failure = new LoadFailure(Instant.parse("2025-07-01T02:03:04.000000005Z"), "v-hỏng",
                "{\"lỗi\":\"thiếu end\"}");
        EvaluationStatus withdrawnStatus;
        EvaluationStatus supersededStatus;
        try (ConfigurableApplicationContext context = start()) {
            EvaluationStore evaluations = context.getBean(EvaluationStore.class);
            RulesetStore rulesets = context.getBean(RulesetStore.class);
            evaluations.saveNow(kept);
            evaluations.saveNow(withdrawn);
            evaluations.saveNow(superseded);
            evaluations.saveNow(replacement);
            evaluations.withdraw(withdrawn.id(), "Nhập nhầm địa bàn", "kiểm-tra-viên");
            rulesets.saveIfAbsent("v-2025.07", "DISK", files);
            rulesets.recordLoadFailure(failure);
            withdrawnStatus = evaluations.status(withdrawn.id());
            supersededStatus = evaluations.status(superseded.id());
        }

        try (ConfigurableApplicationContext context = start()) {
            EvaluationStore evaluations = context.getBean(EvaluationStore.class);
            RulesetStore rulesets = context.getBean(RulesetStore.class);
            assertThat(evaluations.count()).isEqualTo(4);
            assertThat(evaluations.find(kept.id())).contains(kept);
            assertThat(evaluations.findByIdempotencyKey("giữ-lại")).contains(kept);
            assertThat(evaluations.find(replacement.id())).contains(replacement);
            assertThat(evaluations.status(withdrawn.id())).isEqualTo(withdrawnStatus)
                    .extracting(EvaluationStatus::state).isEqualTo("WITHDRAWN");
            assertThat(evaluations.status(superseded.id())).isEqualTo(supersededStatus)
                    .extracting(EvaluationStatus::state).isEqualTo("SUPERSEDED");
            assertThat(rulesets.latest().orElseThrow().files()).isEqualTo(files);
            assertThat(rulesets.lastLoadFailure()).contains(failure);
            // the chain goes on from the head the first run left, and the head it wrote on shutdown is on it
            rulesets.recordAction("STORED", "kiểm-tra-viên", null, "v-2025.07", "sau khi khởi động lại", null);
            ChainVerifier.Report report = context.getBean(ChainVerifier.class).verify();
            assertThat(report.problems()).isEmpty();
            assertThat(report.intact()).isTrue();
            // 4 evaluation batches (one per saveNow), the withdrawal, the stored version with its file, the load
            // failure, the action after the restart
            assertThat(report.batchesChecked()).isEqualTo(8);
            assertThat(report.rowsChecked()).isEqualTo(10);
            assertThat(report.headFile().headsRecorded()).isPositive();
            assertThat(report.headFile().lastLineOnChain()).isTrue();
        }
    }

    @Test
    void closingTheApplicationCommitsEverySaveAlreadyAccepted() {
        List<CompletableFuture<Void>> saves = new ArrayList<>();
        try (ConfigurableApplicationContext context = start()) {
            EvaluationStore evaluations = context.getBean(EvaluationStore.class);
            for (int i = 0; i < 3000; i++) {
                saves.add(evaluations.save(evaluation().build()));
            }
        }

        assertThat(saves).allSatisfy(save -> assertThat(save).isCompleted());
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getBean(EvaluationStore.class).count()).isEqualTo(3000);
        }
    }

    /**
     * Sixteen callers saving at once, each waiting for its own commit. Prints the rate reached, which
     * depends on the machine, so only correctness is asserted.
     */
    @Test
    void groupCommitStoresEveryConcurrentSave() throws Exception {
        int threads = 16;
        int perThread = 500;
        String request = "{\"areaCode\":\"26734\",\"chỉTiêu\":[" + "{\"mã\":\"TP-01\",\"giáTrị\":12.5},".repeat(40)
                + "{}]}";
        String response = "{\"verdict\":\"DA_CHUYEN_HOA\",\"giảiThích\":[" + "\"Tiêu chí đạt: giảm tội phạm\",".repeat(60)
                + "\"\"]}";
        try (ConfigurableApplicationContext context = start()) {
            EvaluationStore evaluations = context.getBean(EvaluationStore.class);
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<long[]>> latencies = new ArrayList<>();
            List<UUID> ids = new ArrayList<>();
            try {
                for (int t = 0; t < threads; t++) {
                    List<EvaluationRecord> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        mine.add(evaluation().json(request, response).idempotencyKey(UUID.randomUUID().toString())
                                .build());
                    }
                    mine.forEach(r -> ids.add(r.id()));
                    latencies.add(pool.submit(() -> {
                        go.await();
                        long[] nanos = new long[mine.size()];
                        for (int i = 0; i < nanos.length; i++) {
                            long begin = System.nanoTime();
                            evaluations.saveNow(mine.get(i));
                            nanos[i] = System.nanoTime() - begin;
                        }
                        return nanos;
                    }));
                }
                long begin = System.nanoTime();
                go.countDown();
                long[] all = new long[threads * perThread];
                for (int t = 0; t < threads; t++) {
                    System.arraycopy(latencies.get(t).get(), 0, all, t * perThread, perThread);
                }
                double seconds = (System.nanoTime() - begin) / 1e9;
                Arrays.sort(all);
                System.out.printf("group commit, H2 file, %d callers: %d saves in %.2f s = %.0f saves/s;"
                        + " latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", threads, all.length, seconds,
                        all.length / seconds, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6,
                        all[all.length - 1] / 1e6);
            } finally {
                pool.shutdown();
            }

            assertThat(evaluations.count()).isEqualTo((long) threads * perThread);
            assertThat(evaluations.search(null, 0, 1).totalItems()).isEqualTo((long) threads * perThread);
            assertThat(ids).allSatisfy(id -> assertThat(evaluations.findResponse(id).orElseThrow())
                    .isEqualTo(response.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
