package vn.chuyenhoa.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The service's CPU split by kind of thread, read from /proc (Linux): which of the service's threads spend the CPU
 * that one target costs more than another. The process total alone left the stored request's extra cost unplaced:
 * a profiler saw a third of it, and only on the threads that are sampled while running Java code (docs/benchmarks.md,
 * "Session 7"). Per kind: user and system time, and the switches of the threads off their core, voluntary (they
 * waited: a lock, a queue, a socket) and involuntary (the scheduler took the core away).
 */
record ThreadCpu(Map<String, long[]> byKind) {

    private static final int USER = 0, SYSTEM = 1, WAITS = 2, PREEMPTED = 3;

    /** The threads of the process now; empty when /proc cannot be read (then nothing is printed). */
    static ThreadCpu of(long pid) {
        Map<String, long[]> kinds = new TreeMap<>();
        if (pid < 0) return new ThreadCpu(kinds);
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long[] k = kinds.computeIfAbsent(kind(name), x -> new long[4]);
                    k[USER] += Long.parseLong(f[11]);
                    k[SYSTEM] += Long.parseLong(f[12]);
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")) k[WAITS] += number(line);
                        if (line.startsWith("nonvoluntary_ctxt_switches:")) k[PREEMPTED] += number(line);
                    }
                } catch (IOException | RuntimeException ended) {
                    // the thread ended between the listing and the read: its time is no longer anyone's
                }
            }
        } catch (IOException | RuntimeException e) {
            kinds.clear();
        }
        return new ThreadCpu(kinds);
    }

    /** Tomcat's request threads, its poller and acceptor; the evaluation store's writer; the JVM's own. */
    static String kind(String thread) {
        if (thread.startsWith("http-nio")) return "web";
        if (thread.startsWith("evaluation-sto")) return "writer";
        if (thread.startsWith("GC ") || thread.startsWith("G1 ")) return "gc";
        if (thread.startsWith("C1 ") || thread.startsWith("C2 ")) return "jit";
        return "other";
    }

    private static long number(String line) {
        return Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
    }

    /**
     * Per request from this snapshot to a later one, e.g. {@code web 610+95 µs 2.1/0.3 sw · writer 140+12 µs 0.2/0.0
     * sw}: user+system µs of CPU, then voluntary/involuntary switches; kinds under 1 µs per request are left out.
     */
    String perRequestUntil(ThreadCpu later, long requests) {
        StringBuilder out = new StringBuilder();
        later.byKind.forEach((kind, after) -> {
            long[] before = byKind.getOrDefault(kind, new long[4]);
            double user = (after[USER] - before[USER]) * 1e4 / requests; // ticks of 10 ms (USER_HZ 100) to µs
            double system = (after[SYSTEM] - before[SYSTEM]) * 1e4 / requests;
            if (user + system < 1) return;
            if (!out.isEmpty()) out.append(" · ");
            out.append(String.format(Locale.ROOT, "%s %.0f+%.0f µs %.1f/%.1f sw", kind, user, system,
                    (after[WAITS] - before[WAITS]) / (double) requests,
                    (after[PREEMPTED] - before[PREEMPTED]) / (double) requests));
        });
        return out.toString();
    }
}
