package vn.chuyenhoa.evaluation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import vn.chuyenhoa.http.ApiDescription;

/** The facts of an evaluation request as the API describes them, written from the facts catalogue. */
@Component
class EvaluationFactsSchema implements ApiDescription.NamedSchema {

    static final String NAME = "EvaluationFacts";

    @Override
    public String name() {
        return NAME;
    }

    /** Every fact optional (absent or null is missing data, never zero); counts 0 … 2³¹−1; no other key. */
    @Override
    public Schema<?> schema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        for (Fact f : Fact.values()) {
            Schema<?> s = f.type() == Fact.Type.COUNT
                    ? new IntegerSchema().format("int32").minimum(BigDecimal.ZERO).maximum(BigDecimal.valueOf(Integer.MAX_VALUE))
                    : new BooleanSchema();
            properties.put(f.jsonName(), s.nullable(true).description(
                    (f.type() == Fact.Type.COUNT ? "Count: " : "Flag: ") + f.meaning()));
        }
        ObjectSchema schema = new ObjectSchema();
        schema.setProperties(properties);
        schema.additionalProperties(false).description("The facts about the area over the period. Every fact is optional: "
                + "an absent (or null) fact is missing data, never zero, and the criteria that need it are MISSING_DATA. "
                + "Counts are JSON integers in 0 … 2³¹−1, flags JSON booleans; a part never exceeds its whole "
                + "(tipsResolved ≤ tipsReceived, casesCleared ≤ casesOccurred, …). Any other key is refused. / Các dữ "
                + "kiện về địa bàn trong kỳ; dữ kiện vắng mặt là thiếu dữ liệu, không phải số 0.");
        return schema;
    }
}
