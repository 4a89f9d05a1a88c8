package vn.chuyenhoa.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.annotation.PreDestroy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.chuyenhoa.http.Page;
import vn.chuyenhoa.http.FieldError;

/**
 * Impact previews: every stored evaluation in the filter is run again on a candidate version and compared with what
 * was decided. Over a large store that takes a while, so it is a job the caller polls; jobs run one at a time, off
 * the request threads, and never store anything. A job runs on the instance that started it; its status is kept in
 * {@link ImpactJobStatuses}, so that with several instances any of them answers the caller's poll.
 */
@Component
public class ImpactJobs {

    /** Which stored evaluations to re-run. Dates filter the evaluation period's end. */
    public record Filter(String codeScheme, String provinceCode, String profileId, LocalDate periodFrom, LocalDate periodTo,
                  Boolean includeWithdrawn) {}

    public record CriterionChange(String id, String before, String after) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AreaChange(UUID evaluationId, String codeScheme, String areaCode, String areaName, String profileBefore,
                      String profileAfter, String verdictBefore, String verdictAfter, List<CriterionChange> criteria,
                      List<FieldError> notReplayable) {}

    public record Result(int evaluated, int verdictsChanged, int criteriaChanged, int notReplayable,
                  Map<String, Integer> verdictFlips, List<AreaChange> changes) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @io.swagger.v3.oas.annotations.media.Schema(name = "ImpactJob")
    public record Status(UUID jobId, String version, String state, int total, int done, Instant startedAt, Instant finishedAt,
                  Filter filter, Result result, String error) {}

    private final EvaluationStore store;
    private final Reevaluations reevaluations;
    private final ObjectMapper json;
    private final ImpactJobStatuses jobs;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "impact-preview");
        t.setDaemon(true);
        return t;
    });

    ImpactJobs(EvaluationStore store, Reevaluations reevaluations, ObjectMapper json, ImpactJobStatuses jobs) {
        this.jobs = jobs;
        this.store = store;
        this.reevaluations = reevaluations;
        this.json = json;
    }

    public Status start(Engine candidate, Filter filter) {
        UUID id = UUID.randomUUID();
        Status queued = new Status(id, candidate.versionId(), "QUEUED", 0, 0, Instant.now(), null, filter, null, null);
        jobs.put(id, queued);
        runner.submit(() -> run(id, candidate, filter));
        return queued;
    }

    /** Jobs queued or running now, for the operators' metrics. */
    public long running() {
        return jobs.running();
    }

    public Optional<Status> status(UUID id) {
        return jobs.get(id);
    }

    /** The preview of a version started last, if one was run since the service started. */
    public Optional<Status> latestFor(String versionId) {
        return jobs.latestFor(versionId);
    }

    private void run(UUID id, Engine candidate, Filter f) {
        Status s = jobs.get(id).orElseThrow();
        try {
            List<EvaluationSummary> selected = select(f);
            AtomicInteger done = new AtomicInteger();
            List<AreaChange> changes = new ArrayList<>();
            Map<String, Integer> flips = new LinkedHashMap<>();
            int verdicts = 0, criteria = 0, rejected = 0;
            for (EvaluationSummary e : selected) {
                var record = store.find(e.id()).orElseThrow();
                Reevaluations.Rerun r = reevaluations.rerun(record, candidate);
                JsonNode before = json.readTree(record.responseJson());
                if (r.rejected() != null) {
                    rejected++;
                    changes.add(new AreaChange(e.id(), e.codeScheme(), e.areaCode(), e.areaName(), e.profileId(), null,
                            e.verdict(), null, List.of(), r.rejected().errors()));
                } else {
                    List<CriterionChange> cc = criterionChanges(before, r.tree());
                    String verdictAfter = r.tree().get("verdict").asString();
                    String profileAfter = r.tree().get("profile").get("id").asString();
                    boolean flipped = !verdictAfter.equals(e.verdict());
                    if (flipped) {
                        verdicts++;
                        flips.merge(e.verdict() + " → " + verdictAfter, 1, Integer::sum);
                    }
                    if (!cc.isEmpty()) criteria++;
                    if (flipped || !cc.isEmpty() || !profileAfter.equals(e.profileId())) {
                        changes.add(new AreaChange(e.id(), e.codeScheme(), e.areaCode(), e.areaName(), e.profileId(),
                                profileAfter, e.verdict(), verdictAfter, cc, null));
                    }
                }
                int n = done.incrementAndGet();
                if (n % 50 == 0) jobs.put(id, progress(s, "RUNNING", selected.size(), n));
            }
            jobs.put(id, new Status(id, s.version(), "DONE", selected.size(), selected.size(), s.startedAt(), Instant.now(),
                    f, new Result(selected.size(), verdicts, criteria, rejected, flips, changes), null));
        } catch (RuntimeException e) {
            jobs.put(id, new Status(id, s.version(), "FAILED", s.total(), s.done(), s.startedAt(), Instant.now(), f, null,
                    e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    private static Status progress(Status s, String state, int total, int done) {
        return new Status(s.jobId(), s.version(), state, total, done, s.startedAt(), null, s.filter(), null, null);
    }

    private List<EvaluationSummary> select(Filter f) {
        List<EvaluationSummary> out = new ArrayList<>();
        EvaluationFilter filter = new EvaluationFilter(f.codeScheme(), null, f.provinceCode(), f.profileId(), null, null,
                null, null, null);
        boolean all = Boolean.TRUE.equals(f.includeWithdrawn());
        for (int page = 0; ; page++) {
            Page<EvaluationSummary> p = store.search(filter, page, 200);
            for (EvaluationSummary e : p.items()) {
                if (!all && !"ACTIVE".equals(e.state())) continue;
                if (f.periodFrom() != null && e.periodTo().isBefore(f.periodFrom())) continue;
                if (f.periodTo() != null && e.periodTo().isAfter(f.periodTo())) continue;
                out.add(e);
            }
            if (page + 1 >= p.totalPages()) return out;
        }
    }

    private static List<CriterionChange> criterionChanges(JsonNode before, JsonNode after) {
        Map<String, String> a = outcomes(before), b = outcomes(after);
        List<CriterionChange> out = new ArrayList<>();
        java.util.Set<String> ids = new java.util.LinkedHashSet<>(a.keySet());
        ids.addAll(b.keySet());
        for (String id : ids) {
            if (!java.util.Objects.equals(a.get(id), b.get(id))) out.add(new CriterionChange(id, a.get(id), b.get(id)));
        }
        return out;
    }

    private static Map<String, String> outcomes(JsonNode doc) {
        Map<String, String> m = new LinkedHashMap<>();
        for (JsonNode c : doc.get("criteria")) m.put(c.get("id").asString(), c.get("outcome").asString());
        return m;
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
