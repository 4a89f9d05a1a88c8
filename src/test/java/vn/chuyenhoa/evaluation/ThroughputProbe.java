package vn.chuyenhoa.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static vn.chuyenhoa.evaluation.TestEvaluations.evaluation;
import vn.chuyenhoa.audit.ChainVerifier;
import vn.chuyenhoa.audit.HeadFile;
import vn.chuyenhoa.audit.TestDatabase;

/**
 * Not a test: a quick measurement of stored evaluations per second through the group commit, with 32 callers that
 * each wait for their own commit, as request threads do. Run on demand:
 * {@code mvn -B -o test -Dtest=ThroughputProbe -Dchuyenhoa.probe=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
@EnabledIfSystemProperty(named = "chuyenhoa.probe", matches = "true")
class ThroughputProbe {

    @Test
    void measure() throws Exception {
        try (TestDatabase db = TestDatabase.inMemory()) {
            EvaluationStore store = db.startedEvaluationStore();
            run(store, 10_000, "warm-up");
            for (int i = 0; i < 3; i++) run(store, 50_000, "run " + (i + 1));
            store.stop();
            long start = System.nanoTime();
            ChainVerifier.Report report = new ChainVerifier(db.jdbc, new HeadFile(db.chain,
                    java.nio.file.Files.createTempFile("heads", ".log"), java.time.Duration.ofSeconds(10))).verify();
            System.out.printf("VERIFY: intact=%s, %d batches, %d rows in %.2f s%n", report.intact(),
                    report.batchesChecked(), report.rowsChecked(), (System.nanoTime() - start) / 1e9);
        }
    }

    private static void run(EvaluationStore store, int n, String label) throws Exception {
        String body = "{\"verdict\":\"TRANSFORMED\",\"criteria\":[" + "{\"id\":\"CLEARANCE_RATE\",\"outcome\":\"MET\"},".repeat(12) + "{}]}";
        List<EvaluationRecord> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) records.add(evaluation().json("{\"i\":" + i + "}", body).build());
        ExecutorService callers = Executors.newFixedThreadPool(32);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 32; t++) {
            int first = t;
            done.add(callers.submit(() -> {
                for (int i = first; i < n; i += 32) store.saveNow(records.get(i));
            }));
        }
        for (Future<?> f : done) f.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        callers.shutdown();
        System.out.printf("THROUGHPUT %s: %d evaluations in %.2f s = %.0f/s%n", label, n, seconds, n / seconds);
    }
}
