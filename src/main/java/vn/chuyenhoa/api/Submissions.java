package vn.chuyenhoa.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import vn.chuyenhoa.access.Caller;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.evaluation.Area;
import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.evaluation.EngineSource;
import vn.chuyenhoa.monitoring.Monitor;
import vn.chuyenhoa.monitoring.MonitoringInput;
import vn.chuyenhoa.monitoring.MonitoringService;
import vn.chuyenhoa.screening.Screener;
import vn.chuyenhoa.screening.ScreeningInput;
import vn.chuyenhoa.screening.ScreeningService;
import vn.chuyenhoa.http.FieldError;
import vn.chuyenhoa.http.Parsed;

/**
 * A screening or a monitoring report as both the API and the officer's upload page take it: one parser, one province
 * check, one store, so that a file uploaded in the browser is refused or stored exactly as the API would.
 */
@Component
public class Submissions {

    /** What became of a body; each kind is one answer of the API (201, 400, 403, 503). */
    public sealed interface Outcome permits Stored, Invalid, OutsideScope, RulesUnavailable {}

    public record Stored(UUID id, String json) implements Outcome {}

    /** @param errors one per bad field, as the API lists them */
    public record Invalid(List<FieldError> errors) implements Outcome {}

    /** The body is about a province the caller does not hold; nothing was stored. */
    public record OutsideScope(String codeScheme, String provinceCode, String provinceName) implements Outcome {

        public String province() {
            return (provinceName == null ? "" : provinceName + " ") + "(" + codeScheme + ":" + provinceCode + ")";
        }
    }

    public record RulesUnavailable() implements Outcome {}

    private final ScreeningService screenings;
    private final MonitoringService monitoring;
    private final EngineSource engines;
    private final AreaDirectory areas;

    Submissions(ScreeningService screenings, MonitoringService monitoring, EngineSource engines, AreaDirectory areas) {
        this.screenings = screenings;
        this.monitoring = monitoring;
        this.engines = engines;
        this.areas = areas;
    }

    public Outcome screen(byte[] body) {
        Engine engine = engines.current();
        if (!Screener.available(engine)) return new RulesUnavailable();
        Parsed<ScreeningInput> parsed = new ScreeningRequestParser(new Requests.World(engine, areas)).parse(body);
        if (!parsed.isValid()) return new Invalid(parsed.errors());
        ScreeningInput input = parsed.value();
        if (!caller().covers(input.codeScheme(), input.provinceCode())) {
            return new OutsideScope(input.codeScheme(), input.provinceCode(), input.provinceName());
        }
        ScreeningService.Answer a = screenings.screenAndStore(engine, input, new String(body, StandardCharsets.UTF_8),
                Caller.name());
        return new Stored(a.id(), a.json());
    }

    public Outcome monitor(byte[] body) {
        Engine engine = engines.current();
        if (!Monitor.available(engine)) return new RulesUnavailable();
        Parsed<MonitoringInput> parsed = new MonitoringRequestParser(new Requests.World(engine, areas)).parse(body);
        if (!parsed.isValid()) return new Invalid(parsed.errors());
        Area area = parsed.value().report().area();
        if (!caller().covers(area.codeScheme(), area.provinceCode())) {
            return new OutsideScope(area.codeScheme(), area.provinceCode(), Requests.provinceName(areas, area));
        }
        MonitoringService.Answer a = monitoring.judgeAndStore(engine, parsed.value(),
                new String(body, StandardCharsets.UTF_8), Caller.name());
        return new Stored(a.id(), a.json());
    }

    private static Caller caller() {
        return Caller.current().orElseThrow(() -> new IllegalStateException("no authenticated caller on this request"));
    }
}
