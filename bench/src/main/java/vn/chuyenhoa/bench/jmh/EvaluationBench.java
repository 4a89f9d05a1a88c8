package vn.chuyenhoa.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.kie.api.KieBase;
import org.kie.api.runtime.StatelessKieSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import tools.jackson.databind.ObjectMapper;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.bench.Workload;
import vn.chuyenhoa.evaluation.Decisions;
import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.evaluation.EvaluationInput;
import vn.chuyenhoa.evaluation.EvaluationService;
import vn.chuyenhoa.evaluation.Evaluator;
import vn.chuyenhoa.evaluation.Explanations;
import vn.chuyenhoa.evaluation.HandCoded;
import vn.chuyenhoa.evaluation.Judgement;

/**
 * One evaluation in process, the Drools path against the hand-coded yardstick. Each call takes the next of the 17
 * benchmark requests (four profiles, every verdict and outcome), so no single input is what the JIT learns.
 *
 * <ul>
 *   <li>{@code drools_decide}: {@link Evaluator#judge} — profile, measures, stateless session, decisions in order
 *   <li>{@code drools_render}: {@link Explanations#render} and {@link Explanations#missingFacts} of ready judgements
 *   <li>{@code drools_full}: both, which is what an evaluation costs before JSON and HTTP
 *   <li>{@code drools_emptyStateless}: a new stateless session on the same KieBase, the global set, nothing
 *       inserted — the floor of any Drools call
 *   <li>{@code hand_decide}, {@code hand_full}: the same with the hand-coded criteria, rendered by the same code
 *   <li>{@code service_dryRun_drools}, {@code service_dryRun_hand}: the request-to-JSON work of a dry run
 *       ({@link EvaluationService#evaluate} with {@code dryRun}), i.e. the HTTP endpoints minus HTTP and parsing
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class EvaluationBench {

    private Engine engine;
    private KieBase kieBase;
    private HandCoded hand;
    private EvaluationInput[] inputs;
    private Judgement[] judgements;
    private EvaluationService.Submission[] submissions;
    private EvaluationService service;
    private AreaDirectory areas;
    private ObjectMapper json;
    private int next;

    @Setup
    public void setUp() {
        engine = Workload.engine();
        kieBase = engine.logic();
        hand = new HandCoded(engine.policy());
        areas = AreaDirectory.loadBundled();
        List<Workload.Request> requests = Workload.requests(engine, areas);
        inputs = new EvaluationInput[requests.size()];
        judgements = new Judgement[requests.size()];
        submissions = new EvaluationService.Submission[requests.size()];
        for (int i = 0; i < inputs.length; i++) {
            Workload.Request r = requests.get(i);
            inputs[i] = r.input();
            judgements[i] = Evaluator.judge(engine, inputs[i]);
            submissions[i] = new EvaluationService.Submission(inputs[i], "PROGRESS",
                    new String(r.body(), StandardCharsets.UTF_8), "0".repeat(64), null, null, null, null);
        }
        json = Workload.JSON;
        service = new EvaluationService(null, json, new SimpleMeterRegistry(), areas); // a dry run never touches the store
    }

    private int next() {
        int i = next + 1;
        if (i == inputs.length) i = 0;
        next = i;
        return i;
    }

    @Benchmark
    public Judgement drools_decide() {
        return Evaluator.judge(engine, inputs[next()]);
    }

    @Benchmark
    public void drools_render(Blackhole bh) {
        Judgement j = judgements[next()];
        bh.consume(Explanations.render(j));
        bh.consume(Explanations.missingFacts(j));
    }

    @Benchmark
    public void drools_full(Blackhole bh) {
        Judgement j = Evaluator.judge(engine, inputs[next()]);
        bh.consume(Explanations.render(j));
        bh.consume(Explanations.missingFacts(j));
    }

    @Benchmark
    public Decisions drools_emptyStateless() {
        Decisions decisions = new Decisions();
        StatelessKieSession session = kieBase.newStatelessKieSession();
        session.setGlobal("decisions", decisions);
        session.execute(List.of());
        return decisions;
    }

    @Benchmark
    public Judgement hand_decide() {
        return hand.judge(inputs[next()]);
    }

    @Benchmark
    public void hand_full(Blackhole bh) {
        Judgement j = hand.judge(inputs[next()]);
        bh.consume(Explanations.render(j));
        bh.consume(Explanations.missingFacts(j));
    }

    @Benchmark
    public byte[] service_dryRun_drools() {
        return service.evaluate(engine, submissions[next()], true).json();
    }

    @Benchmark
    public byte[] service_dryRun_hand() {
        EvaluationService.Submission s = submissions[next()];
        return hand.dryRunJson(engine.versionId(), s.input(), s.purpose(), json, areas);
    }
}
