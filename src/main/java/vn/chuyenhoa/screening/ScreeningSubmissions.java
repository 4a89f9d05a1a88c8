package vn.chuyenhoa.screening;

import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;

import vn.chuyenhoa.access.Caller;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.evaluation.EngineSource;
import vn.chuyenhoa.evaluation.Requests;
import vn.chuyenhoa.http.Parsed;
import vn.chuyenhoa.http.Submission;

/**
 * A screening as both the API and the officer's upload page take it: one parser, one province check, one store, so
 * that a file uploaded in the browser is refused or stored exactly as the API would.
 */
@Component
class ScreeningSubmissions {

    private final ScreeningService screenings;
    private final EngineSource engines;
    private final AreaDirectory areas;

    ScreeningSubmissions(ScreeningService screenings, EngineSource engines, AreaDirectory areas) {
        this.screenings = screenings;
        this.engines = engines;
        this.areas = areas;
    }

    Submission screen(byte[] body) {
        Engine engine = engines.current();
        if (!Screener.available(engine)) return new Submission.RulesUnavailable();
        Parsed<ScreeningInput> parsed = new ScreeningRequestParser(new Requests.World(engine, areas)).parse(body);
        if (!parsed.isValid()) return new Submission.Invalid(parsed.errors());
        ScreeningInput input = parsed.value();
        if (!Caller.required().covers(input.codeScheme(), input.provinceCode())) {
            return new Submission.OutsideScope(input.codeScheme(), input.provinceCode(),
                    areas.provinceLabel(input.codeScheme(), input.provinceCode()));
        }
        return screenings.screenAndStore(engine, input, new String(body, StandardCharsets.UTF_8),
                Caller.name());
    }
}
