package vn.chuyenhoa.bench.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.kie.api.runtime.KieSessionsPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.bench.Workload;
import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.evaluation.EvaluationInput;
import vn.chuyenhoa.evaluation.Evaluator;
import vn.chuyenhoa.evaluation.EvaluatorVariants;
import vn.chuyenhoa.evaluation.Explanations;
import vn.chuyenhoa.evaluation.Judgement;

/**
 * What changes to {@link Evaluator#judge} would gain, measured before anyone makes them: the decision as it is, with
 * pooled sessions, with decisions put in order by identity, and with both. Same inputs as {@link EvaluationBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class VariantsBench {

    private Engine engine;
    private KieSessionsPool pool;
    private EvaluationInput[] inputs;
    private int next;

    @Setup
    public void setUp() {
        engine = Workload.engine();
        pool = engine.logic().newKieSessionsPool(4);
        List<Workload.Request> requests = Workload.requests(engine, AreaDirectory.loadBundled());
        inputs = requests.stream().map(Workload.Request::input).toArray(EvaluationInput[]::new);
        for (EvaluationInput in : inputs) {
            List<Object> expected = rendered(Evaluator.judge(engine, in));
            for (int v = 1; v < 4; v++) {
                Judgement j = EvaluatorVariants.judge(engine, in, (v & 1) != 0 ? pool : null, (v & 2) != 0);
                if (!expected.equals(rendered(j))) throw new AssertionError("variant " + v + " differs on " + in);
            }
        }
    }

    private static List<Object> rendered(Judgement j) {
        return List.of(j.verdict(), j.verdictRule(), Explanations.render(j), Explanations.missingFacts(j));
    }

    @TearDown
    public void tearDown() {
        pool.shutdown();
    }

    private int next() {
        int i = next + 1;
        if (i == inputs.length) i = 0;
        next = i;
        return i;
    }

    @Benchmark
    public Judgement decide_asIs() {
        return Evaluator.judge(engine, inputs[next()]);
    }

    @Benchmark
    public Judgement decide_pooledSession() {
        return EvaluatorVariants.judge(engine, inputs[next()], pool, false);
    }

    @Benchmark
    public Judgement decide_identityOrder() {
        return EvaluatorVariants.judge(engine, inputs[next()], null, true);
    }

    @Benchmark
    public Judgement decide_pooledAndIdentity() {
        return EvaluatorVariants.judge(engine, inputs[next()], pool, true);
    }
}
