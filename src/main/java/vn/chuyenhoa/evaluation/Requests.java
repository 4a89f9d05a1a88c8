package vn.chuyenhoa.evaluation;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vn.chuyenhoa.area.AdminUnit;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.area.CodeScheme;
import vn.chuyenhoa.area.Reform;
import vn.chuyenhoa.kernel.Area;
import vn.chuyenhoa.http.JsonBody.Obj;
import vn.chuyenhoa.http.JsonBody.Value;
import vn.chuyenhoa.http.FieldError;
import vn.chuyenhoa.http.JsonReader;
import vn.chuyenhoa.http.Shown;

/** From a validated request to what the rules see, with the area as the official list names and places it. */
public final class Requests {

    private Requests() {}

    /** Only for a request the parser accepted: its scheme and code are known. */
    public static EvaluationInput input(EvaluationRequest req, AreaDirectory areas) {
        AdminUnit unit = areas.find(CodeScheme.parse(req.area().codeScheme()).orElseThrow(), req.area().code()).orElseThrow();
        Map<Fact, Object> facts = new EnumMap<>(Fact.class);
        req.facts().forEach((name, value) -> facts.put(Fact.byName(name), value));
        return new EvaluationInput(area(unit), req.profileId(), req.period(), req.baselinePeriod(), facts);
    }

    /** A reform refusal as the API lists bad fields; the one conversion every request path uses. */
    public static FieldError error(Reform.Refusal r) {
        return new FieldError(r.field(), r.code(), r.message(), r.messageVi());
    }

    public static Area area(AdminUnit u) {
        return new Area(u.scheme().name(), u.code(), u.name(), u.districtCode(), u.provinceCode());
    }

    /** An area as the official lists name it (domain spec §8); empty, with the errors reported, when it is not one. */
    public static Optional<AdminUnit> readArea(JsonReader f, String field, Value value, World world) {
        Obj area = f.object(field, value, true);
        if (area == null) return Optional.empty();
        f.unknownKeys(area, field + ".", Set.of("codeScheme", "code", "name"));
        var members = area.members();
        String scheme = f.requiredString(field + ".codeScheme", members.get("codeScheme"));
        String code = f.requiredString(field + ".code", members.get("code"));
        String name = f.optionalString(field + ".name", members.get("name"));
        if (scheme == null) return Optional.empty();
        Optional<CodeScheme> parsed = CodeScheme.parse(scheme);
        if (parsed.isEmpty()) {
            String shown = Shown.of(members.get("codeScheme"));
            f.error(field + ".codeScheme", "unknown_scheme", field + ".codeScheme " + shown + " is not a known code scheme.",
                    field + ".codeScheme " + shown + " không phải là hệ mã đã biết.");
            return Optional.empty();
        }
        if (code == null) return Optional.empty();
        Optional<AdminUnit> unit = world.areas().find(parsed.get(), code);
        if (unit.isEmpty()) {
            String shown = Shown.of(members.get("code"));
            f.error(field + ".code", "unknown_code", field + ".code " + shown + " is not in the code list of " + scheme + ".",
                    field + ".code " + shown + " không có trong danh mục mã " + scheme + ".");
            return Optional.empty();
        }
        if (name != null && !world.areas().nameMatches(unit.get(), name)) {
            String shown = Shown.of(members.get("name"));
            f.error(field + ".name", "name_mismatch", field + ".name " + shown + " is not the name of area " + code + " in " + scheme + ".",
                    field + ".name " + shown + " không phải là tên của đơn vị " + code + " trong " + scheme + ".");
        }
        return unit;
    }

    /** What the request validator needs to know, answered from the official lists and one ruleset version. */
    public record World(Engine engine, AreaDirectory areas) implements RequestContext {

        @Override
        public boolean isKnownScheme(String codeScheme) {
            return CodeScheme.parse(codeScheme).isPresent();
        }

        @Override
        public boolean isKnownCode(String codeScheme, String code) {
            return unit(codeScheme, code).isPresent();
        }

        @Override
        public boolean nameMatches(String codeScheme, String code, String name) {
            return unit(codeScheme, code).map(u -> areas.nameMatches(u, name)).orElse(false);
        }

        @Override
        public boolean isKnownProfile(String profileId) {
            return engine.policy().profile(profileId).isPresent();
        }

        @Override
        public boolean isCoveredByAProfile(String codeScheme, String code, LocalDate date) {
            return unit(codeScheme, code).map(u -> engine.policy().resolve(area(u), date).isPresent()).orElse(false);
        }

        @Override
        public Optional<Reform.Refusal> reorganised(String codeScheme, String code, LocalDate periodEnd) {
            return CodeScheme.parse(codeScheme).flatMap(s -> areas.reform().check(s, code, periodEnd));
        }

        private Optional<AdminUnit> unit(String codeScheme, String code) {
            return CodeScheme.parse(codeScheme).flatMap(s -> areas.find(s, code));
        }
    }
}
