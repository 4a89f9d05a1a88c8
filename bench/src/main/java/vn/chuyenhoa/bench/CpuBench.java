package vn.chuyenhoa.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.IntFunction;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.StatelessKieSession;

import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.audit.Canonical;
import vn.chuyenhoa.evaluation.Decisions;
import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.evaluation.EvaluationDocument;
import vn.chuyenhoa.evaluation.EvaluationInput;
import vn.chuyenhoa.evaluation.EvaluationRecord;
import vn.chuyenhoa.evaluation.EvaluationRequestParser;
import vn.chuyenhoa.evaluation.EvaluationService;
import vn.chuyenhoa.evaluation.Evaluator;
import vn.chuyenhoa.evaluation.EvaluatorVariants;
import vn.chuyenhoa.evaluation.Explanations;
import vn.chuyenhoa.evaluation.HandCoded;
import vn.chuyenhoa.evaluation.Judgement;
import vn.chuyenhoa.evaluation.PackedDocuments;
import vn.chuyenhoa.evaluation.Requests;

/**
 * The JMH benchmarks again, timed in CPU time of the benchmark thread instead of wall-clock time. The machine is
 * shared (2 cores, other builds and test suites running): a wall-clock µs/op also counts the time the thread waited
 * for a core, a CPU-time µs/op does not, so it stays comparable between a quiet and a busy moment. What it cannot
 * remove: caches shared with other processes, and a JIT that compiles later because its threads wait too.
 *
 * <p>One benchmark per JVM ({@code run.sh cpu} starts one each): warm-up until the thread has used
 * {@code warmup} s of CPU, then batches of 500 calls until {@code measure} s; reported: the median, 10th and 90th
 * percentile over batches of CPU µs per call, the median wall µs per call, and bytes allocated per call.
 *
 * <pre>CpuBench NAME [warmupCpuSeconds=8] [measureCpuSeconds=6]</pre>
 */
public final class CpuBench {

    static volatile Object sink;
    private static final UUID ID = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final Instant AT = Instant.parse("2026-12-05T00:00:00Z");

    public static void main(String[] args) {
        String name = args[0];
        double warmup = args.length > 1 ? Double.parseDouble(args[1]) : 8, measure = args.length > 2 ? Double.parseDouble(args[2]) : 6;
        IntFunction<Object> op = op(name);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();

        long start = mx.getCurrentThreadCpuTime();
        int i = 0;
        while (mx.getCurrentThreadCpuTime() - start < warmup * 1e9) {
            for (int k = 0; k < 500; k++) sink = op.apply(i++);
        }
        int batch = 500;
        double[] cpu = new double[100_000], wall = new double[100_000];
        int n = 0;
        long a0 = mx.getThreadAllocatedBytes(tid), ops = 0;
        start = mx.getCurrentThreadCpuTime();
        long now = start;
        while (now - start < measure * 1e9 && n < cpu.length) {
            long w = System.nanoTime();
            for (int k = 0; k < batch; k++) sink = op.apply(i++);
            long c = mx.getCurrentThreadCpuTime();
            wall[n] = (System.nanoTime() - w) / 1e3 / batch;
            cpu[n++] = (c - now) / 1e3 / batch;
            now = c;
            ops += batch;
        }
        double alloc = (double) (mx.getThreadAllocatedBytes(tid) - a0) / ops;
        double[] c = Arrays.copyOf(cpu, n), w = Arrays.copyOf(wall, n);
        Arrays.sort(c);
        Arrays.sort(w);
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f – %.2f | %.2f | %.0f | %d |%n", name, c[n / 2], c[n / 10],
                c[n * 9 / 10], w[n / 2], alloc, ops);
    }

    static IntFunction<Object> op(String name) {
        Engine engine = Workload.engine();
        HandCoded hand = new HandCoded(engine.policy());
        AreaDirectory areas = AreaDirectory.loadBundled();
        List<Workload.Request> requests = Workload.requests(engine, areas);
        int size = requests.size();
        EvaluationInput[] inputs = requests.stream().map(Workload.Request::input).toArray(EvaluationInput[]::new);
        Judgement[] judgements = Arrays.stream(inputs).map(in -> Evaluator.judge(engine, in)).toArray(Judgement[]::new);
        EvaluationService.Submission[] submissions = requests.stream().map(r -> new EvaluationService.Submission(
                r.input(), "PROGRESS", new String(r.body(), StandardCharsets.UTF_8), "0".repeat(64), null, null, null,
                null)).toArray(EvaluationService.Submission[]::new);
        EvaluationService service = new EvaluationService(null, Workload.JSON, new SimpleMeterRegistry(), areas);
        KieSessionsPool pool = engine.logic().newKieSessionsPool(4);
        EvaluationDocument[] documents = new EvaluationDocument[size];
        EvaluationRecord[] records = new EvaluationRecord[size];
        byte[][] sent = new byte[size][];
        for (int k = 0; k < size; k++) {
            documents[k] = EvaluationService.document(engine, submissions[k], judgements[k], ID, AT, null, null);
            EvaluationService.Rendered rendered = service.render(engine, submissions[k], ID, AT, null);
            records[k] = rendered.record();
            sent[k] = rendered.json();
        }
        byte[][] stored = new byte[size][];
        for (int k = 0; k < size; k++) {
            stored[k] = PackedDocuments.pack(records[k].requestJson(), records[k].responseJson(), records[k].firedRulesJson());
        }
        return switch (name) {
            case "drools_decide" -> i -> Evaluator.judge(engine, inputs[i % size]);
            case "drools_render" -> i -> {
                Judgement j = judgements[i % size];
                sink = Explanations.render(j);
                return Explanations.missingFacts(j);
            };
            case "drools_full" -> i -> {
                Judgement j = Evaluator.judge(engine, inputs[i % size]);
                sink = Explanations.render(j);
                return Explanations.missingFacts(j);
            };
            case "drools_emptyStateless" -> i -> {
                Decisions d = new Decisions();
                StatelessKieSession s = engine.logic().newStatelessKieSession();
                s.setGlobal("decisions", d);
                s.execute(List.of());
                return d;
            };
            case "hand_decide" -> i -> hand.judge(inputs[i % size]);
            case "hand_full" -> i -> {
                Judgement j = hand.judge(inputs[i % size]);
                sink = Explanations.render(j);
                return Explanations.missingFacts(j);
            };
            case "service_dryRun_drools" -> i -> service.evaluate(engine, submissions[i % size], true).json();
            case "service_dryRun_hand" -> i -> {
                EvaluationService.Submission s = submissions[i % size];
                return hand.dryRunJson(engine.versionId(), s.input(), s.purpose(), Workload.JSON, areas);
            };
            // the stages of one stored request, apart (issue 12: where the time goes); HTTP, security and the store's
            // inserts are not in process: bench/run.sh http and store measure them
            case "stage_parse" -> i -> {
                byte[] body = requests.get(i % size).body();
                return Requests.input(new EvaluationRequestParser(new Requests.World(engine, areas)).parse(body).value(), areas);
            };
            case "stage_decide" -> i -> Evaluator.judge(engine, inputs[i % size]);
            case "stage_render" -> i -> EvaluationService.document(engine, submissions[i % size], judgements[i % size],
                    ID, AT, null, null);
            case "stage_serialise" -> i -> Workload.JSON.writeValueAsString(documents[i % size]);
            case "stage_record" -> i -> service.render(engine, submissions[i % size], ID, AT, null).record();
            case "stage_pack" -> i -> {
                // as the store packs a rendered record: the document from the bytes already encoded for the answer
                EvaluationRecord r = records[i % size];
                byte[] packed = PackedDocuments.pack(r.requestJson().getBytes(StandardCharsets.UTF_8), sent[i % size],
                        r.firedRulesJson().getBytes(StandardCharsets.UTF_8));
                return Canonical.sha256(packed) + Canonical.sha256(r.requestJson());
            };
            // GET /api/v1/evaluations/{id} after the row is read: the document's bytes as sent
            case "stage_read" -> i -> PackedDocuments.response(stored[i % size]);
            // the same until session 7: the three texts decoded, the document encoded twice by Spring's String converter
            case "variant_readAsText" -> i -> {
                String text = PackedDocuments.unpack(stored[i % size]).responseJson();
                return text.getBytes(StandardCharsets.UTF_8).length + text.getBytes(StandardCharsets.UTF_8).length;
            };
            case "variant_pooledSession" -> i -> EvaluatorVariants.judge(engine, inputs[i % size], pool, false);
            case "variant_identityOrder" -> i -> EvaluatorVariants.judge(engine, inputs[i % size], null, true);
            case "variant_pooledAndIdentity" -> i -> EvaluatorVariants.judge(engine, inputs[i % size], pool, true);
            case "variant_full_pooledAndIdentity" -> i -> {
                Judgement j = EvaluatorVariants.judge(engine, inputs[i % size], pool, true);
                sink = Explanations.render(j);
                return Explanations.missingFacts(j);
            };
            default -> throw new IllegalArgumentException("no benchmark " + name);
        };
    }
}
