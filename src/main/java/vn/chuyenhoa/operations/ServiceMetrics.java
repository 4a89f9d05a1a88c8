package vn.chuyenhoa.operations;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import vn.chuyenhoa.evaluation.ImpactJobs;
import vn.chuyenhoa.evaluation.EvaluationStore;
import vn.chuyenhoa.ruleset.ActiveRuleset;

/**
 * What an operator watches besides what is counted where it happens (evaluations decided and refused, the store's
 * commit times): the evaluation store's write queue, the ruleset version in force and impact jobs running. Read from the components when Prometheus scrapes, except the version: a metric's labels are fixed, so
 * the row labelled with the version in force is replaced when the version changes (checked every few seconds).
 */
@Component
class ServiceMetrics implements MeterBinder, DisposableBean {

    private final EvaluationStore store;
    private final ImpactJobs impactJobs;
    private final ActiveRuleset ruleset;
    private final ScheduledExecutorService versionCheck = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ruleset-version-metric");
        t.setDaemon(true);
        return t;
    });

    ServiceMetrics(EvaluationStore store, ImpactJobs impactJobs, ActiveRuleset ruleset) {
        this.store = store;
        this.impactJobs = impactJobs;
        this.ruleset = ruleset;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("chuyenhoa.store.queue", store, EvaluationStore::queueDepth)
                .description("Evaluations waiting for the store's writer").register(registry);
        Gauge.builder("chuyenhoa.impact.jobs.running", impactJobs, ImpactJobs::running)
                .description("Impact previews queued or running").register(registry);
        MultiGauge inForce = MultiGauge.builder("chuyenhoa.ruleset.active")
                .description("1 for the ruleset version in force, labelled with it").register(registry);
        String[] shown = {null};
        Runnable refresh = () -> {
            String version = ruleset.versionId();
            if (version != null && !version.equals(shown[0])) {
                inForce.register(List.of(MultiGauge.Row.of(Tags.of("version", version), 1)), true);
                shown[0] = version;
            }
        };
        refresh.run();
        versionCheck.scheduleWithFixedDelay(refresh, 2, 2, TimeUnit.SECONDS);
    }

    @Override
    public void destroy() {
        versionCheck.shutdownNow();
    }
}
