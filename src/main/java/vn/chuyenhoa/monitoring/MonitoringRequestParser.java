package vn.chuyenhoa.monitoring;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vn.chuyenhoa.http.JsonBody.Obj;
import vn.chuyenhoa.http.JsonBody.Value;
import vn.chuyenhoa.area.Reform;
import vn.chuyenhoa.kernel.Area;
import vn.chuyenhoa.evaluation.EvaluationInput;
import vn.chuyenhoa.kernel.Period;
import vn.chuyenhoa.http.JsonReader;
import vn.chuyenhoa.http.Parsed;
import vn.chuyenhoa.evaluation.EvaluationRequest;
import vn.chuyenhoa.evaluation.EvaluationRequestParser;
import vn.chuyenhoa.evaluation.RequestContext;
import vn.chuyenhoa.evaluation.Requests;

/**
 * Reads a {@code POST /api/v1/monitoring-reports} body. The area, profile, periods and facts are an evaluation's and
 * go through {@link EvaluationRequestParser} itself, so they are held to exactly the same rules (counts are JSON
 * integers, no unknown fact, the pair checks, the baseline before the period…). The report's own fields:
 *
 * <ul>
 *   <li>{@code recognisedOn} (required date): {@code invalid_date}; {@code no_profile} when no profile covers the
 *       area on that date and none is named; {@code no_monitoring_window} when none of the profiles sets a window
 *   <li>{@code period.from}: {@code period_not_after_recognition} — monitoring starts after recognition
 *   <li>{@code baselinePeriod}: {@code baseline_not_before_recognition} — the baseline is from before transformation
 *   <li>{@code proposedAgain}: {@code not_a_boolean}; {@code recognitionDecision}: {@code wrong_type}, {@code too_long}
 *   <li>{@code predecessorCode} (optional, an old QD124_2004 commune code): for a QD19_2025 area recognised before
 *       1 July 2025, the old commune whose plan governs the report (domain spec §8.1); {@code predecessor_required}
 *       when the new commune was formed from old ones under different plans and neither it nor profileId is given,
 *       {@code not_a_predecessor}, {@code not_applicable}
 * </ul>
 *
 * <p>Never throws on any body.
 */
final class MonitoringRequestParser {

    private static final Set<String> KEYS = Set.of("area", "profileId", "recognisedOn", "recognitionDecision", "period",
            "baselinePeriod", "proposedAgain", "facts", "predecessorCode");
    private static final Set<String> EVALUATION_KEYS = Set.of("area", "profileId", "period", "baselinePeriod", "facts");
    private static final int MAX_DECISION = 500;

    private final Requests.World world;

    MonitoringRequestParser(Requests.World world) {
        this.world = world;
    }

    Parsed<MonitoringInput> parse(byte[] body) {
        JsonReader f = new JsonReader();
        Obj root = f.root(body, KEYS);
        if (root == null) return Parsed.invalid(f.sorted());
        Map<String, Value> members = root.members();
        Map<String, Value> shared = new LinkedHashMap<>();
        members.forEach((k, v) -> {
            if (EVALUATION_KEYS.contains(k)) shared.put(k, v);
        });
        // the window and the profile are judged on the recognition date, below, not on period.to
        Parsed<EvaluationRequest> evaluation = new EvaluationRequestParser(new AnyDate(world)).parse(new Obj(shared));
        EvaluationRequest req = null;
        if (!evaluation.isValid()) f.addAll(evaluation.errors());
        else req = evaluation.value();

        LocalDate recognisedOn = f.date("recognisedOn", members.get("recognisedOn"), true);
        String decision = f.optionalString("recognitionDecision", members.get("recognitionDecision"));
        if (decision != null && (decision.isBlank() || decision.length() > MAX_DECISION)) {
            f.error("recognitionDecision", "too_long", "recognitionDecision must be 1 to " + MAX_DECISION + " characters.",
                    "recognitionDecision phải dài từ 1 đến " + MAX_DECISION + " ký tự.");
        }
        Boolean proposedAgain = f.optionalFlag("proposedAgain", members.get("proposedAgain"));
        String predecessorCode = f.optionalString("predecessorCode", members.get("predecessorCode"));

        EvaluationInput input = req == null ? null : Requests.input(req, world.areas());
        Predecessor predecessor = null;
        if (input != null && recognisedOn != null) {
            Period period = input.period();
            if (!period.from().isAfter(recognisedOn)) {
                f.error("period.from", "period_not_after_recognition", "period.from (" + period.from()
                                + ") is not after recognisedOn (" + recognisedOn + "): monitoring covers the time after recognition.",
                        "period.from (" + period.from() + ") không sau recognisedOn (" + recognisedOn
                                + "): theo dõi là giai đoạn sau khi được công nhận.");
            }
            Period baseline = input.baselinePeriod();
            if (baseline != null && !baseline.to().isBefore(recognisedOn)) {
                f.error("baselinePeriod", "baseline_not_before_recognition", "baselinePeriod ends on " + baseline.to()
                                + ", which is not before recognisedOn (" + recognisedOn + "); it is the period before transformation.",
                        "baselinePeriod kết thúc ngày " + baseline.to() + ", không trước recognisedOn (" + recognisedOn
                                + "); đây phải là giai đoạn trước khi chuyển hóa.");
            }
            // a new commune recognised before the reform is judged under the plan of the old commune it came from
            Predecessors.Resolution pre = Predecessors.resolve(world.engine().policy(), world.areas().reform(), input.area(),
                    recognisedOn, input.profileId(), predecessorCode);
            if (pre.refusal() != null) f.addAll(List.of(Requests.error(pre.refusal())));
            predecessor = pre.predecessor();
            Area scope = predecessor != null ? predecessor.area() : input.area();
            Optional<ProfileChain> chain = ProfileChain.of(world.engine().policy(), scope, recognisedOn, input.profileId());
            if (pre.refusal() != null) {
                // which plan applies is unknown until the caller says which old commune (or profile) it was
            } else if (chain.isEmpty()) {
                f.error("recognisedOn", "no_profile", "No criteria profile covers area " + input.area().code() + " of "
                                + input.area().codeScheme() + " on recognisedOn (" + recognisedOn + "); name one with profileId.",
                        "Không có bộ tiêu chí nào áp dụng cho đơn vị " + input.area().code() + " trong " + input.area().codeScheme()
                                + " vào ngày recognisedOn (" + recognisedOn + "); hãy chỉ định bằng profileId.");
            } else if (RelapsePolicy.of(world.engine().policy()).settingsFor(chain.get().ids()).isEmpty()) {
                f.error("recognisedOn", "no_monitoring_window", "None of the profiles " + chain.get().ids()
                                + " sets a monitoring window (monitoringWindowYears of the Settings table in programme.drl.xlsx).",
                        "Không bộ tiêu chí nào trong " + chain.get().ids() + " đặt thời gian theo dõi (monitoringWindowYears của bảng Settings trong programme.drl.xlsx).");
            }
        }
        if (f.hasErrors()) return Parsed.invalid(f.sorted());
        return Parsed.ok(new MonitoringInput(input, recognisedOn, decision, proposedAgain, predecessor));
    }

    /** The official lists and profiles of one ruleset, without the evaluation's "a profile covers period.to" check. */
    private record AnyDate(Requests.World world) implements RequestContext {

        @Override
        public boolean isKnownScheme(String codeScheme) { return world.isKnownScheme(codeScheme); }

        @Override
        public boolean isKnownCode(String codeScheme, String code) { return world.isKnownCode(codeScheme, code); }

        @Override
        public boolean nameMatches(String codeScheme, String code, String name) { return world.nameMatches(codeScheme, code, name); }

        @Override
        public boolean isKnownProfile(String profileId) { return world.isKnownProfile(profileId); }

        @Override
        public boolean isCoveredByAProfile(String codeScheme, String code, LocalDate date) { return true; }

        @Override
        public Optional<Reform.Refusal> reorganised(String codeScheme, String code, LocalDate periodEnd) {
            return world.reorganised(codeScheme, code, periodEnd);
        }
    }
}
