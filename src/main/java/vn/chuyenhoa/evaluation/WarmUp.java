package vn.chuyenhoa.evaluation;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.chuyenhoa.kernel.Area;
import vn.chuyenhoa.kernel.Period;

/**
 * Drools needs tens of seconds of traffic before the JIT has compiled its hot paths. A few thousand synthetic
 * evaluations in the background, after the service already answers, take most of that cost off the first callers.
 * Nothing is stored; the facts are random so every rule branch gets exercised.
 */
@Component
class WarmUp {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    private final EngineSource engines;
    private final int evaluations;

    WarmUp(EngineSource engines, @Value("${chuyenhoa.warmup.evaluations:3000}") int evaluations) {
        this.engines = engines;
        this.evaluations = evaluations;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (evaluations <= 0) return;
        Thread t = new Thread(this::run, "drools-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private void run() {
        long start = System.nanoTime();
        SplittableRandom random = new SplittableRandom(42);
        Engine engine = engines.current();
        var profiles = engine.policy().profiles();
        for (int i = 0; i < evaluations; i++) {
            Profile p = profiles.get(i % profiles.size());
            Judgement j = Evaluator.judge(engine, randomInput(random, p.id()));
            Explanations.render(j);
        }
        log.info("Warm-up: {} evaluations in {} ms", evaluations, (System.nanoTime() - start) / 1_000_000);
    }

    static EvaluationInput randomInput(SplittableRandom random, String profileId) {
        Map<Fact, Object> facts = new EnumMap<>(Fact.class);
        for (Fact f : Fact.values()) {
            if (random.nextInt(20) == 0) continue; // sometimes absent, so missing-data rules run too
            facts.put(f, f.type() == Fact.Type.FLAG ? (Object) random.nextBoolean() : (Object) (long) random.nextInt(50));
        }
        LocalDate end = LocalDate.of(2024, 12, 12);
        return new EvaluationInput(new Area("QD124_2004", "00001", "warm-up", "001", "01"), profileId,
                new Period(end.minusMonths(9), end), random.nextBoolean() ? new Period(end.minusYears(1).minusMonths(9), end.minusYears(1)) : null,
                facts);
    }
}
