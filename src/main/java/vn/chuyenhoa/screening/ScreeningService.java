package vn.chuyenhoa.screening;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import tools.jackson.databind.ObjectMapper;
import vn.chuyenhoa.http.Submission;
import vn.chuyenhoa.evaluation.Engine;

/**
 * Screens a validated request on one ruleset version and keeps the answer: the document is rendered once, stored as
 * text and sent as that same text, so what an auditor reads later is what the committee got.
 */
@Service
class ScreeningService {

    private final ScreeningStore store;
    private final ObjectMapper json;

    ScreeningService(ScreeningStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    /** Screens without storing: what the tests and the service share. */
    public static ScreeningDocument screen(Engine engine, ScreeningInput input, UUID id, Instant at, String submittedBy) {
        List<CommuneJudgement> judged = new ArrayList<>(input.candidates().size());
        for (Candidate c : input.candidates()) {
            judged.add(Screener.judge(engine, input.codeScheme(), input.provinceCode(), c));
        }
        List<RankingKey> keys = ScreeningPolicy.of(engine.policy()).ranking();
        return ScreeningReport.render(id, engine.versionId(), at, submittedBy, input, judged, Ranking.rank(judged, keys), keys);
    }

    /**
     * @param engine the ruleset version the request was validated against; the screening finishes on it and records
     *               it even if another version is activated meanwhile
     * @param submitter the account recorded as having asked for it
     */
    Submission.Stored screenAndStore(Engine engine, ScreeningInput input, String requestJson, String submitter) {
        UUID id = UUID.randomUUID();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String body = json.writeValueAsString(screen(engine, input, id, at, submitter));
        store.save(new ScreeningStore.Row(id, at, input.codeScheme(), input.provinceCode(), input.year(),
                input.candidates().size(), engine.versionId(), requestJson, body, submitter));
        return new Submission.Stored(id, body);
    }
}
