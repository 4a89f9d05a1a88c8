package vn.chuyenhoa.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.audit.AuditChain;
import vn.chuyenhoa.evaluation.EvaluationRecord;
import vn.chuyenhoa.evaluation.EvaluationStore;
import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.evaluation.EvaluationService;

/**
 * The store alone, as the service uses it: documents rendered from the 17 benchmark requests by the real
 * {@link EvaluationService}, saved by 8 threads through the real {@link EvaluationStore} (packing, chain hashes, group
 * commits, chain links) into a fresh database migrated by the real Flyway scripts. Prints the growth of the store's
 * files per stored evaluation and the CPU storing costs per evaluation (all threads of this JVM, rendering excluded:
 * the documents are rendered before the clock starts), which a busy machine inflates far less than wall time.
 *
 * <pre>StoreGrowth h2 DIR [COUNT]   |   StoreGrowth postgres JDBC_URL [COUNT]</pre>
 */
public final class StoreGrowth {

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        HikariDataSource pool = new HikariDataSource();
        pool.setMaximumPoolSize(8);
        Path file = null;
        if (kind.equals("h2")) {
            file = Path.of(args[1]).resolve("growth");
            // the database options of application.properties
            pool.setJdbcUrl("jdbc:h2:file:" + file + ";WRITE_DELAY=0;MAX_LENGTH_INPLACE_LOB=32768");
            pool.setUsername("sa");
            file = Path.of(file + ".mv.db");
        } else {
            pool.setJdbcUrl(args[1]);
        }
        Flyway.configure().dataSource(pool).locations(kind.equals("h2") ? "classpath:db/migration"
                : "classpath:db/postgresql").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(pool);
        AuditChain chain = new AuditChain(jdbc, new DataSourceTransactionManager(pool));
        EvaluationStore store = new EvaluationStore(jdbc, chain);
        store.start();

        Engine engine = Workload.engine();
        List<Workload.Request> requests = Workload.requests(engine, AreaDirectory.loadBundled());
        EvaluationService service = new EvaluationService(store, Workload.JSON, new SimpleMeterRegistry());
        List<EvaluationRecord> records = new ArrayList<>(count + 1000);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < count + 1000; i++) {
            Workload.Request r = requests.get(i % requests.size());
            EvaluationService.Submission s = new EvaluationService.Submission(r.input(), "PROGRESS",
                    new String(r.body(), StandardCharsets.UTF_8), "0".repeat(64), null, null, null, "hethong");
            records.add(service.render(engine, s, UUID.randomUUID(), at.plusMillis(i), null).record());
        }
        long textBytes = records.stream().mapToLong(r -> (r.requestJson() + r.responseJson() + r.firedRulesJson())
                .getBytes(StandardCharsets.UTF_8).length).sum() / records.size();

        // the first 1,000 warm the JIT and give the store its tables' first pages
        save(store, records.subList(0, 1000));
        long before = size(kind, file, jdbc);
        double cpuBefore = cpuSeconds();
        long started = System.nanoTime();
        save(store, records.subList(1000, records.size()));
        double cpu = cpuSeconds() - cpuBefore;
        double wall = (System.nanoTime() - started) / 1e9;
        long after = size(kind, file, jdbc);
        store.stop();
        System.out.printf(Locale.ROOT, "%s: %,d evaluations stored (8 threads) in %.2f s wall, %.0f µs CPU each"
                        + " (process, all threads: packing, hashing, inserts, commits, chain links); documents %,d bytes"
                        + " of text each; store grew %,d bytes = %,.0f bytes per evaluation; load average %s%n",
                kind, count, wall, cpu * 1e6 / count, textBytes, after - before, (after - before) / (double) count,
                LoadDriver.loadAverage());
        if (kind.equals("h2")) {
            // at rest: the live data once H2 has rewritten its chunks (a running H2 keeps replaced chunks for its
            // retention time, 45 s, before it reuses their space, so the running growth above includes that churn)
            jdbc.execute("SHUTDOWN COMPACT");
            System.out.printf(Locale.ROOT, "h2 at rest (SHUTDOWN COMPACT): %,d bytes for all %,d evaluations and the"
                    + " schema = at most %,.0f bytes per evaluation%n", Files.size(file), records.size(),
                    Files.size(file) / (double) records.size());
        }
        pool.close();
    }

    private static void save(EvaluationStore store, List<EvaluationRecord> records) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        AtomicLong next = new AtomicLong();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            done.add(callers.submit(() -> {
                for (long i = next.getAndIncrement(); i < records.size(); i = next.getAndIncrement()) {
                    store.saveNow(records.get((int) i));
                }
                return null;
            }));
        }
        for (Future<?> f : done) f.get();
        callers.shutdown();
    }

    private static long size(String kind, Path file, JdbcTemplate jdbc) throws Exception {
        if (kind.equals("h2")) return Files.size(file);
        return jdbc.queryForObject("SELECT pg_database_size(current_database())", Long.class);
    }

    /** CPU of the whole process, as the HTTP benchmark counts the service's (GC and JIT threads included). */
    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }
}
