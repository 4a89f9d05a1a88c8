package vn.chuyenhoa.monitoring;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.stereotype.Service;

import tools.jackson.databind.ObjectMapper;
import vn.chuyenhoa.area.AdminUnit;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.area.CodeScheme;
import vn.chuyenhoa.http.Submission;
import vn.chuyenhoa.kernel.Area;
import vn.chuyenhoa.evaluation.Engine;

/**
 * Judges a validated monitoring report and keeps the recommendation: rendered once, stored as text and sent as that
 * same text. It changes no area's state: the lifecycle's decisions cite it by id.
 */
@Service
class MonitoringService {

    private final MonitoringStore store;
    private final ObjectMapper json;
    private final AreaDirectory areas;

    MonitoringService(MonitoringStore store, ObjectMapper json, AreaDirectory areas) {
        this.store = store;
        this.json = json;
        this.areas = areas;
    }

    /** @param submitter the account recorded as having sent the report */
    Submission.Stored judgeAndStore(Engine engine, MonitoringInput input, String requestJson, String submitter) {
        MonitoringJudgement j = Monitor.judge(engine, input);
        UUID id = UUID.randomUUID();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String body = json.writeValueAsString(MonitoringReport.render(id, engine.versionId(), at, submitter, j,
                scopeUnit(input.scopeArea())));
        Area a = input.report().area();
        store.save(new MonitoringStore.Row(id, at, a.codeScheme(), a.code(), a.name(), a.provinceCode(), a.districtCode(),
                j.chain().first().id(), input.recognisedOn(), input.report().period().from(), input.report().period().to(),
                j.verdict().name(), engine.versionId(), requestJson, body, submitter));
        return new Submission.Stored(id, body);
    }

    /** The unit whose province and district name the chosen profile's scope in the sentences. */
    private AdminUnit scopeUnit(Area a) {
        return CodeScheme.parse(a.codeScheme()).flatMap(s -> areas.find(s, a.code())).orElse(null);
    }
}
