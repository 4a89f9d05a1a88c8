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
import vn.chuyenhoa.evaluation.EvaluationFilter;
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
            // the database options of application.properties; -Dbench.h2.options=";…" replaces them, to try others
            pool.setJdbcUrl("jdbc:h2:file:" + file + System.getProperty("bench.h2.options",
                    ";WRITE_DELAY=0;MAX_LENGTH_INPLACE_LOB=32768;PAGE_SIZE=4096"));
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
        EvaluationService service = new EvaluationService(store, Workload.JSON, new SimpleMeterRegistry(), AreaDirectory.loadBundled());
        List<EvaluationRecord> records = new ArrayList<>(count + 1000);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < count + 1000; i++) {
            Workload.Request r = requests.get(i % requests.size());
            EvaluationService.Submission s = new EvaluationService.Submission(r.input(), "PROGRESS",
                    new String(r.body(), StandardCharsets.UTF_8), "0".repeat(64), null, null, null, "hethong");
            records.add(service.render(engine, s, EvaluationStore.newId(), at.plusMillis(i), null).record());
        }
        long textBytes = records.stream().mapToLong(r -> (r.requestJson() + r.responseJson() + r.firedRulesJson())
                .getBytes(StandardCharsets.UTF_8).length).sum() / records.size();

        // the first 1,000 warm the JIT and give the store its tables' first pages
        save(store, records.subList(0, 1000));
        for (String sql : System.getProperty("bench.sql", "").split(";")) {
            if (!sql.isBlank()) jdbc.execute(sql);
        }
        long before = size(kind, file, jdbc);
        long commitsBefore = store.commits();
        double cpuBefore = cpuSeconds();
        java.util.Map<String, Long> threadsBefore = threadCpu();
        long started = System.nanoTime();
        save(store, records.subList(1000, records.size()));
        double cpu = cpuSeconds() - cpuBefore;
        java.util.Map<String, Long> threadsAfter = threadCpu();
        double wall = (System.nanoTime() - started) / 1e9;
        long after = size(kind, file, jdbc);
        long commits = store.commits() - commitsBefore;
        if (file != null && System.getProperty("bench.copy") != null) {
            Files.copy(file, Path.of(System.getProperty("bench.copy")), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        // H2 answers a query repeated over an unchanged table from its last result: measure the query, not that
        jdbc.execute(kind.equals("h2") ? "SET OPTIMIZE_REUSE_RESULTS 0" : "SELECT 1");
        String reads = reads(store, records.get(0));
        store.stop();
        System.out.printf(Locale.ROOT, "%s: %,d evaluations stored (8 threads) in %.2f s wall, %.0f µs CPU each"
                        + " (process, all threads: packing, hashing, inserts, commits, chain links); documents %,d bytes"
                        + " of text each; store grew %,d bytes = %,.0f bytes per evaluation; load average %s%n",
                kind, count, wall, cpu * 1e6 / count, textBytes, after - before, (after - before) / (double) count,
                LoadDriver.loadAverage());
        // where that CPU went: the callers (packing, chain hashes, waiting), the store's writer (inserts, commits,
        // chain links), the database's own threads, and the rest of the process (GC, JIT: not Java threads)
        java.util.Map<String, Long> spent = new java.util.TreeMap<>();
        threadsAfter.forEach((name, ns) -> spent.merge(name, ns - threadsBefore.getOrDefault(name, 0L), Long::sum));
        long javaThreads = spent.values().stream().mapToLong(Long::longValue).sum();
        spent.put("other (GC, JIT, VM)", Math.round(cpu * 1e9) - javaThreads);
        System.out.printf(Locale.ROOT, "%,d commits, %.1f evaluations and %,.0f bytes of growth per commit%n", commits,
                count / (double) commits, (after - before) / (double) commits);
        System.out.print("CPU µs per evaluation by thread:");
        spent.forEach((name, ns) -> {
            if (ns * 100 > cpu * 1e9) System.out.printf(Locale.ROOT, " %s %.0f;", name, ns / 1e3 / count);
        });
        System.out.println();
        System.out.println("list reads (EvaluationStore.search, first page of 20 and page 50, with the count), median ms: "
                + reads);
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

    // one pool for both rounds, so that its threads' CPU can be read after the measured round
    private static final ExecutorService callers = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "caller");
        t.setDaemon(true);
        return t;
    });

    private static void save(EvaluationStore store, List<EvaluationRecord> records) throws Exception {
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
    }

    private static long size(String kind, Path file, JdbcTemplate jdbc) throws Exception {
        if (kind.equals("h2")) return Files.size(file);
        return jdbc.queryForObject("SELECT pg_database_size(current_database())", Long.class);
    }

    /**
     * The listing's reads over the store just filled (no filter, and each filter the lists and pages offer), each the
     * median of 21 runs after 10 untimed ones: the indexes a write maintains are there for these.
     */
    private static String reads(EvaluationStore store, EvaluationRecord r) {
        java.util.Map<String, EvaluationFilter> filters = new java.util.LinkedHashMap<>();
        filters.put("none", null);
        filters.put("area", new EvaluationFilter(r.codeScheme(), r.areaCode(), null, null, null, null, null, null, null));
        filters.put("province", new EvaluationFilter(null, null, r.provinceCode(), null, null, null, null, null, null));
        filters.put("profile", new EvaluationFilter(null, null, null, r.profileId(), null, null, null, null, null));
        filters.put("verdict", new EvaluationFilter(null, null, null, null, r.verdict(), null, null, null, null));
        filters.put("ruleset", new EvaluationFilter(null, null, null, null, null, null, r.rulesetVersion(), null, null));
        filters.put("province+verdict", new EvaluationFilter(null, null, r.provinceCode(), null, r.verdict(), null, null,
                null, null));
        StringBuilder out = new StringBuilder();
        filters.forEach((name, f) -> {
            for (int page : new int[] {0, 50}) {
                double[] ms = new double[21];
                for (int i = -10; i < ms.length; i++) {
                    long t = System.nanoTime();
                    store.search(f, page, 20);
                    if (i >= 0) ms[i] = (System.nanoTime() - t) / 1e6;
                }
                java.util.Arrays.sort(ms);
                out.append(String.format(Locale.ROOT, "%s p%d %.2f; ", name, page, ms[ms.length / 2]));
            }
        });
        return out.toString();
    }

    /** CPU of each live Java thread, by name with digits dropped (the 8 callers are one "pool-N-thread-N"). */
    private static java.util.Map<String, Long> threadCpu() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> cpu = new java.util.HashMap<>();
        for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t == null) continue;
            long ns = threads.getThreadCpuTime(t.getThreadId());
            if (ns > 0) cpu.merge(t.getThreadName().replaceAll("[0-9]+", "N"), ns, Long::sum);
        }
        return cpu;
    }

    /** CPU of the whole process, as the HTTP benchmark counts the service's (GC and JIT threads included). */
    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }
}
