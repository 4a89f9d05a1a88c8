package vn.chuyenhoa.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.chuyenhoa.audit.Canonical;
import vn.chuyenhoa.audit.ChainVerifier;

/**
 * Whether one stored evaluation is still what was recorded: its row against the hash its audit batch holds, and its
 * search columns against its stored document. The list is read from the columns, the page and the API from the
 * document; the two can only differ when the row was changed behind the application, and then every view says so
 * instead of showing one verdict here and another there.
 */
@Component
class RecordChecks {

    /** A search column that says something else than the stored document does. */
    @Schema(name = "RecordMismatch")
    record Mismatch(String column, String stored, String document) {}

    /**
     * @param batch      the audit batch that listed the row, null when none does
     * @param hashMatches the row as stored now hashes as its batch recorded
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RecordCheck", description = "Whether the stored evaluation is still what the audit chain recorded")
    record RecordCheck(boolean intact, Long batch, boolean hashMatches, List<Mismatch> mismatches) {}

    private final ChainVerifier chain;
    private final ObjectMapper json;

    RecordChecks(ChainVerifier chain, ObjectMapper json) {
        this.chain = chain;
        this.json = json;
    }

    RecordCheck check(EvaluationRecord r) {
        ChainVerifier.RowCheck row = chain.row(Canonical.EVALUATION, r.evaluatedAt(), r.id());
        List<Mismatch> mismatches = mismatches(r);
        return new RecordCheck(row.intact() && mismatches.isEmpty(), row.seq(), row.intact(), mismatches);
    }

    /** A search column and where its value is in the document. */
    private record Column(String name, Function<EvaluationRecord, Object> value, String pointer) {
        String of(EvaluationRecord r) {
            return Objects.toString(value.apply(r), null);
        }
    }

    /** The columns the list shows and filters by. */
    private static final List<Column> COLUMNS = List.of(
            new Column("verdict", EvaluationRecord::verdict, "/verdict"),
            new Column("profile_id", EvaluationRecord::profileId, "/profile/id"),
            new Column("code_scheme", EvaluationRecord::codeScheme, "/area/codeScheme"),
            new Column("area_code", EvaluationRecord::areaCode, "/area/code"),
            new Column("province_code", EvaluationRecord::provinceCode, "/area/provinceCode"),
            new Column("district_code", EvaluationRecord::districtCode, "/area/districtCode"),
            new Column("purpose", EvaluationRecord::purpose, "/purpose"),
            new Column("period_from", EvaluationRecord::periodFrom, "/period/from"),
            new Column("period_to", EvaluationRecord::periodTo, "/period/to"),
            new Column("ruleset_version", EvaluationRecord::rulesetVersion, "/rulesetVersion"));

    /** Each search column that says something else than {@code document} (the stored one, or a replayed one). */
    static List<Mismatch> mismatches(EvaluationRecord r, JsonNode document) {
        List<Mismatch> out = new ArrayList<>();
        for (Column c : COLUMNS) {
            JsonNode at = document.at(c.pointer());
            String d = at.isString() ? at.asString() : null;
            if (!Objects.equals(c.of(r), d)) out.add(new Mismatch(c.name(), c.of(r), d));
        }
        return out;
    }

    /** Where a search column's value is in the document. */
    static String pointer(String column) {
        return COLUMNS.stream().filter(c -> c.name().equals(column)).findFirst().orElseThrow().pointer();
    }

    List<Mismatch> mismatches(EvaluationRecord r) {
        return mismatches(r, json.readTree(r.responseJson()));
    }
}
