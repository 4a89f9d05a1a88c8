package vn.chuyenhoa.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

/**
 * Closed-loop HTTP load on 127.0.0.1, meant to run in its own JVM beside the service: N keep-alive connections, each
 * on its own thread, each sending the next benchmark request as soon as the previous answer is read. Per target a
 * warm-up (not recorded), then a bounded measurement; the whole sequence of targets is repeated for several rounds
 * in the same service process, and the median of the rounds is reported.
 *
 * <p>Plain sockets rather than java.net.http: on 2 cores the driver competes with the service for the CPU, and the
 * less it costs per request the more the numbers say about the service. Only loopback is ever contacted.
 *
 * <p>{@code --settle S} first runs every target S seconds, unrecorded, once: on 2 cores the JIT compilers take
 * minutes of load to finish with a service this size (Spring, Tomcat, Jackson, Drools, H2), and a path that only one
 * target takes (the store's, H2's) is compiled only under that target's load. Without it the first rounds measure
 * the compilers more than the service: 1,700 µs of CPU per stored request one minute after start-up, 870 µs once they
 * are done (docs/benchmarks.md, "Session 6").
 *
 * <p>With {@code --service-pid}, each round also prints the service's CPU per request and, on the next line, how it
 * splits between the service's kinds of thread ({@link ThreadCpu}).
 *
 * <pre>
 * LoadDriver --port 18089 [--service-pid PID] [--connections 8] [--settle 0] [--warmup 10] [--duration 20] [--rounds 3]
 *            [--startup-since-ms EPOCH_MS] [--target name:/path:expectedStatus ...] [--store-bytes SHELL_COMMAND]
 * </pre>
 */
public final class LoadDriver {

    private static final String HOST = "127.0.0.1";
    /** The local run's demo system (EVALUATOR), src/main/resources/access/demo-accounts.csv. */
    private static final String TOKEN = "demo-token-hethong";

    /** Every 201 the service sent, warm-ups and the start-up probe included: each must be a stored row. */
    private static final AtomicLong CREATED = new AtomicLong();

    record Target(String name, String path, int expected) {
        static Target parse(String spec) {
            String[] p = spec.split(":", 3);
            return new Target(p[0], p[1], Integer.parseInt(p[2]));
        }
    }

    record Result(Target target, int round, long requests, long errors, double seconds, Histogram latency,
                  Map<Integer, Long> statuses, double serviceCpuSeconds, double driverCpuSeconds, String threads) {
        double throughput() { return requests / seconds; }

        /** CPU the service process used per request, in µs: unlike requests/s, not shrunk by other work on the machine. */
        double serviceCpuPerRequest() { return serviceCpuSeconds < 0 ? Double.NaN : serviceCpuSeconds * 1e6 / requests; }

        double driverCpuPerRequest() { return driverCpuSeconds * 1e6 / requests; }

        double p(double percentile) { return latency.getValueAtPercentile(percentile) / 1000.0; }
    }

    public static void main(String[] args) throws Exception {
        int port = 18089, connections = 8, settle = 0, warmup = 10, duration = 20, rounds = 3;
        long launchedAt = -1;
        // a shell command printing the size of the store's files in bytes: growth per stored evaluation (issue 12)
        String storeBytes = null;
        long servicePid = -1;
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--connections" -> connections = Integer.parseInt(args[++i]);
                case "--settle" -> settle = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--duration" -> duration = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--startup-since-ms" -> launchedAt = Long.parseLong(args[++i]);
                case "--service-pid" -> servicePid = Long.parseLong(args[++i]);
                case "--target" -> targets.add(Target.parse(args[++i]));
                case "--store-bytes" -> storeBytes = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (targets.isEmpty()) {
            targets.add(new Target("stored", "/api/v1/evaluations", 201));
            targets.add(new Target("dryRun", "/api/v1/evaluations?dryRun=true", 200));
            targets.add(new Target("handcoded", "/api/v1/evaluations?handcoded&dryRun=true", 200));
        }
        List<byte[]> bodies = new ArrayList<>();
        for (String b : Workload.bodies()) bodies.add(b.getBytes(StandardCharsets.UTF_8));

        if (launchedAt > 0) {
            long ms = firstAnswer(port, targets.get(0), bodies.get(0), launchedAt);
            System.out.printf(Locale.ROOT, "startup: first %d from %s %.2f s after the service process was launched%n",
                    targets.get(0).expected(), targets.get(0).path(), ms / 1000.0);
        }

        System.out.printf(Locale.ROOT, "load: %d connections, closed loop, %d s warm-up + %d s measured per target,"
                + " %d rounds, %d request bodies in turn%n", connections, warmup, duration, rounds, bodies.size());
        if (settle > 0) {
            System.out.printf(Locale.ROOT, "settle: %d s of each target, unrecorded, before the rounds%n", settle);
            for (Target t : targets) run(port, t, bodies, connections, settle, 0, false, -1);
        }
        List<Result> all = new ArrayList<>();
        long bytesBefore = bytes(storeBytes), createdBefore = CREATED.get(), bytesAfter = -1, createdAfter = -1;
        for (int round = 1; round <= rounds; round++) {
            for (Target t : targets) {
                run(port, t, bodies, connections, warmup, round, false, -1);
                Result r = run(port, t, bodies, connections, duration, round, true, servicePid);
                all.add(r);
                System.out.printf(Locale.ROOT, "round %d %-10s %8.0f req/s  p50 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms"
                                + "  max %8.2f ms  errors %d  statuses %s  CPU/request: service %.0f µs, driver %.0f µs"
                                + "  load %s%n", round, t.name(), r.throughput(), r.p(50),
                        r.p(90), r.p(99), r.latency().getMaxValue() / 1000.0, r.errors(), r.statuses(),
                        r.serviceCpuPerRequest(), r.driverCpuPerRequest(), loadAverage());
                if (!r.threads().isEmpty()) System.out.println("        service threads per request: " + r.threads());
                if (t.expected() == 201) {
                    bytesAfter = bytes(storeBytes);
                    createdAfter = CREATED.get();
                }
            }
        }
        System.out.println();
        System.out.printf("median of %d rounds, %d connections:%n", rounds, connections);
        System.out.println("| target | requests/s | p50 ms | p99 ms | errors | service CPU µs/request |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        long totalErrors = 0;
        for (Target t : targets) {
            List<Result> rs = all.stream().filter(r -> r.target() == t).toList();
            long errors = rs.stream().mapToLong(Result::errors).sum();
            totalErrors += errors;
            System.out.printf(Locale.ROOT, "| %s `%s` | %.0f | %.2f | %.2f | %d | %.0f |%n", t.name(), t.path(),
                    median(rs.stream().mapToDouble(Result::throughput).toArray()),
                    median(rs.stream().mapToDouble(r -> r.p(50)).toArray()),
                    median(rs.stream().mapToDouble(r -> r.p(99)).toArray()), errors,
                    median(rs.stream().mapToDouble(Result::serviceCpuPerRequest).toArray()));
        }
        if (targets.size() > 2) {
            // the Drools dry run against the hand-coded endpoint, round by round
            double[] ratios = new double[rounds];
            for (int round = 1; round <= rounds; round++) {
                int fr = round;
                double a = all.stream().filter(r -> r.round() == fr && r.target() == targets.get(1)).findFirst().orElseThrow().throughput();
                double b = all.stream().filter(r -> r.round() == fr && r.target() == targets.get(2)).findFirst().orElseThrow().throughput();
                ratios[round - 1] = a / b;
            }
            System.out.printf(Locale.ROOT, "%s / %s throughput: median %.1f%% (rounds: %s)%n", targets.get(1).name(),
                    targets.get(2).name(), 100 * median(ratios), Arrays.toString(Arrays.stream(ratios)
                            .map(x -> Math.round(x * 1000) / 10.0).toArray()));
        }
        if (CREATED.get() > 0) {
            long rows = storedRows(port);
            System.out.printf("stored: %d evaluations answered 201, %d rows in the benchmark database%n", CREATED.get(), rows);
            if (rows != CREATED.get()) {
                System.out.println("ERROR: every 201 must be a stored row");
                totalErrors++;
            }
        }
        if (bytesBefore >= 0 && bytesAfter >= 0 && createdAfter > createdBefore) {
            System.out.printf(Locale.ROOT, "store growth: %,d bytes over %,d stored evaluations = %,.0f bytes each"
                            + " (%,d bytes after start-up, %,d after the last stored round)%n", bytesAfter - bytesBefore,
                    createdAfter - createdBefore, (bytesAfter - bytesBefore) / (double) (createdAfter - createdBefore),
                    bytesBefore, bytesAfter);
        }
        if (totalErrors > 0) {
            System.out.println("ERRORS: " + totalErrors + " requests did not get the expected status");
            System.exit(1);
        }
    }

    /** What the shell command prints (the store's size in bytes); -1 without a command or when it fails. */
    static long bytes(String command) {
        if (command == null) return -1;
        try {
            Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 ? Long.parseLong(out) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** User + system CPU seconds of a process so far, from /proc (Linux); -1 when unknown. */
    static double cpuSeconds(long pid) {
        if (pid < 0) return -1;
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime in USER_HZ (100)
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    /** The service's own count of stored evaluations (GET /api/v1/evaluations reports totalItems). */
    static long storedRows(int port) throws IOException, InterruptedException {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        String body = client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://" + HOST + ":" + port + "/api/v1/evaluations?size=1"))
                        .header("Authorization", "Bearer " + TOKEN).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"totalItems\"\\s*:\\s*(\\d+)").matcher(body);
        if (!m.find()) throw new IOException("no totalItems in " + body);
        return Long.parseLong(m.group(1));
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Polls until the service answers the first request with the expected status; milliseconds since launch. */
    static long firstAnswer(int port, Target t, byte[] body, long launchedAtMs) throws InterruptedException {
        // generous: on a shared machine under load (8 helpers, load average 30+) the service has been seen to need 6 minutes
        long giveUp = System.currentTimeMillis() + 900_000;
        byte[] request = request(port, t.path(), body);
        while (System.currentTimeMillis() < giveUp) {
            try (Connection c = new Connection(port)) {
                int status = c.exchange(request);
                if (status == 201) CREATED.incrementAndGet();
                if (status == t.expected()) return System.currentTimeMillis() - launchedAtMs;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("no " + t.expected() + " from " + t.path() + " within 900 s");
    }

    static Result run(int port, Target t, List<byte[]> bodies, int connections, int seconds, int round, boolean record,
                      long servicePid) throws InterruptedException {
        byte[][] requests = bodies.stream().map(b -> request(port, t.path(), b)).toArray(byte[][]::new);
        Histogram[] histograms = new Histogram[connections];
        long[] counts = new long[connections];
        List<Map<Integer, Long>> statuses = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(connections), go = new CountDownLatch(1), done = new CountDownLatch(connections);
        long[] window = new long[2];
        Thread[] threads = new Thread[connections];
        for (int k = 0; k < connections; k++) {
            int id = k;
            histograms[k] = new Histogram(60_000_000L, 3); // µs, up to a minute
            Map<Integer, Long> seen = new LinkedHashMap<>();
            statuses.add(seen);
            threads[k] = new Thread(() -> {
                Connection c = null;
                int next = id % requests.length;
                try {
                    ready.countDown();
                    go.await();
                    long end = window[1];
                    while (true) {
                        long start = System.nanoTime();
                        if (start >= end) break;
                        int status;
                        try {
                            if (c == null) c = new Connection(port);
                            status = c.exchange(requests[next]);
                            if (c.closed) {
                                c.close();
                                c = null;
                            }
                        } catch (IOException e) {
                            status = -1;
                            if (c != null) c.close();
                            c = null;
                        }
                        long took = System.nanoTime() - start;
                        if (status != t.expected()) errors.incrementAndGet();
                        if (status == 201) CREATED.incrementAndGet();
                        histograms[id].recordValue(Math.min(took / 1000, 60_000_000L));
                        counts[id]++;
                        seen.merge(status, 1L, Long::sum);
                        if (++next == requests.length) next = 0;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    if (c != null) c.close();
                    done.countDown();
                }
            }, "load-" + k);
            threads[k].start();
        }
        ready.await();
        double service0 = cpuSeconds(servicePid), driver0 = cpuSeconds(ProcessHandle.current().pid());
        ThreadCpu threads0 = record ? ThreadCpu.of(servicePid) : null;
        window[0] = System.nanoTime();
        window[1] = window[0] + seconds * 1_000_000_000L;
        go.countDown();
        done.await();
        double took = (System.nanoTime() - window[0]) / 1e9; // includes the last requests begun before the end
        double serviceCpu = servicePid < 0 ? -1 : cpuSeconds(servicePid) - service0;
        double driverCpu = cpuSeconds(ProcessHandle.current().pid()) - driver0;
        ThreadCpu threads1 = record ? ThreadCpu.of(servicePid) : null;
        Histogram all = new Histogram(60_000_000L, 3);
        long total = 0;
        Map<Integer, Long> merged = new LinkedHashMap<>();
        for (int k = 0; k < connections; k++) {
            all.add(histograms[k]);
            total += counts[k];
            statuses.get(k).forEach((s, n) -> merged.merge(s, n, Long::sum));
        }
        return new Result(t, round, total, record ? errors.get() : 0, took, all, merged, serviceCpu, driverCpu,
                record && total > 0 ? threads0.perRequestUntil(threads1, total) : "");
    }

    static byte[] request(int port, String path, byte[] body) {
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + HOST + ":" + port
                + "\r\nAuthorization: Bearer " + TOKEN
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, out, h.length, body.length);
        return out;
    }

    /** One keep-alive HTTP/1.1 connection; reads Content-Length and chunked answers, drops the body. */
    static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final byte[] skip = new byte[64 * 1024];
        boolean closed;

        Connection(int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress(HOST, port), 2_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            if (statusLine == null || !statusLine.startsWith("HTTP/1.1 ")) throw new IOException("bad status line " + statusLine);
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String h = line(); h != null && !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                if (colon < 0) continue;
                String name = h.substring(0, colon).trim(), value = h.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) length = Long.parseLong(value);
                else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) chunked = true;
                else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) closed = true;
            }
            if (chunked) {
                while (true) {
                    String size = line();
                    if (size == null) throw new IOException("connection closed in a chunked body");
                    int semi = size.indexOf(';');
                    long n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                    if (n == 0) {
                        for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) { }
                        break;
                    }
                    drop(n);
                    line();
                }
            } else if (length >= 0) {
                drop(length);
            } else {
                throw new IOException("answer without length");
            }
            return status;
        }

        private void drop(long n) throws IOException {
            while (n > 0) {
                int r = in.read(skip, 0, (int) Math.min(skip.length, n));
                if (r < 0) throw new IOException("connection closed in a body");
                n -= r;
            }
        }

        private final StringBuilder sb = new StringBuilder(128);

        private String line() throws IOException {
            sb.setLength(0);
            while (true) {
                int b = in.read();
                if (b < 0) return sb.length() == 0 ? null : sb.toString();
                if (b == '\n') {
                    int len = sb.length();
                    if (len > 0 && sb.charAt(len - 1) == '\r') sb.setLength(len - 1);
                    return sb.toString();
                }
                sb.append((char) b);
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }
}
