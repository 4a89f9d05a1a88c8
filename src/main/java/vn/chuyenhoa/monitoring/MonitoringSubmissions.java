package vn.chuyenhoa.monitoring;

import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;

import vn.chuyenhoa.access.Caller;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.evaluation.EngineSource;
import vn.chuyenhoa.evaluation.Requests;
import vn.chuyenhoa.http.Parsed;
import vn.chuyenhoa.http.Submission;
import vn.chuyenhoa.kernel.Area;

/**
 * A monitoring report as both the API and the officer's upload page take it: one parser, one province check, one
 * store, so that a file uploaded in the browser is refused or stored exactly as the API would.
 */
@Component
class MonitoringSubmissions {

    private final MonitoringService monitoring;
    private final EngineSource engines;
    private final AreaDirectory areas;

    MonitoringSubmissions(MonitoringService monitoring, EngineSource engines, AreaDirectory areas) {
        this.monitoring = monitoring;
        this.engines = engines;
        this.areas = areas;
    }

    Submission monitor(byte[] body) {
        Engine engine = engines.current();
        if (!Monitor.available(engine)) return new Submission.RulesUnavailable();
        Parsed<MonitoringInput> parsed = new MonitoringRequestParser(new Requests.World(engine, areas)).parse(body);
        if (!parsed.isValid()) return new Submission.Invalid(parsed.errors());
        Area area = parsed.value().report().area();
        if (!Caller.required().covers(area.codeScheme(), area.provinceCode())) {
            return new Submission.OutsideScope(area.codeScheme(), area.provinceCode(),
                    areas.provinceLabel(area.codeScheme(), area.provinceCode()));
        }
        return monitoring.judgeAndStore(engine, parsed.value(),
                new String(body, StandardCharsets.UTF_8), Caller.name());
    }
}
