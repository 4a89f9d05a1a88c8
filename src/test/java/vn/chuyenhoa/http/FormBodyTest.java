package vn.chuyenhoa.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

/** A form's fields as the API's JSON, and the API's errors in the form's words. */
class FormBodyTest {

    @Test
    void numbersAreReadAsTheOfficersLanguageWritesThem() {
        FormBody vi = new FormBody(true);
        ObjectNode facts = vi.root().putObject("facts");
        assertEquals(5400L, vi.count(facts, "householdsTotal", "facts.householdsTotal", "5.400"));
        assertEquals(1200L, vi.count(facts, "tipsReceived", "facts.tipsReceived", " 1 200 "));
        assertNull(vi.count(facts, "casesOccurred", "facts.casesOccurred", ""), "blank is not given, never zero");
        assertNull(vi.count(facts, "casesCleared", "facts.casesCleared", "5,4"));
        assertNull(vi.count(facts, "hotspotsCurrent", "facts.hotspotsCurrent", "5.4"), "a dot not before three digits is a mistake");
        assertEquals("{\"facts\":{\"householdsTotal\":5400,\"tipsReceived\":1200}}", vi.json());
        assertEquals(List.of("facts.casesCleared", "facts.hotspotsCurrent"), vi.errors().stream().map(FieldError::field).toList());

        FormBody en = new FormBody(false);
        assertEquals(5400L, en.count(en.root(), "n", "n", "5,400"));
    }

    @Test
    void datesAreDayMonthYear() {
        assertEquals(LocalDate.of(2024, 12, 31), FormBody.date("31/12/2024").orElseThrow());
        assertEquals(LocalDate.of(2024, 3, 5), FormBody.date("5/3/2024").orElseThrow());
        assertTrue(FormBody.date("12/31/2024").isEmpty());
        assertTrue(FormBody.date("2024-12-31").isEmpty(), "the form asks for dd/mm/yyyy");
        assertTrue(FormBody.date("30/02/2024").isEmpty());
        FormBody b = new FormBody(true);
        ObjectNode period = b.root().putObject("period");
        b.date(period, "from", "period.from", "01/01/2024");
        b.date(period, "to", "period.to", "31/13/2024");
        assertEquals("{\"period\":{\"from\":\"2024-01-01\"}}", b.json());
        assertEquals("period.to", b.errors().get(0).field());
    }

    @Test
    void theFormsOwnErrorWinsOverTheReadersForTheSameField() {
        FormBody b = new FormBody(true);
        b.date(b.root(), "to", "period.to", "x");
        List<FieldError> all = b.with(List.of(new FieldError("period.to", "required", "period.to is required.", "Thiếu period.to."),
                new FieldError("area", "required", "area is required.", "Thiếu area.")));
        assertEquals(List.of("area", "period.to"), all.stream().map(FieldError::field).toList());
        assertEquals("invalid_date", all.get(1).code());
    }

    @Test
    void messagesNameFieldsByTheirLabelsAndDatesAsVietnameseWriteThem() {
        Map<String, String> labels = Map.of("facts.casesCleared", "Số vụ điều tra, khám phá",
                "facts.casesOccurred", "Số vụ phạm tội xảy ra", "baselinePeriod", "Kỳ gốc", "period.from", "Ngày bắt đầu kỳ");
        List<FormBody.Problem> shown = FormBody.shown(List.of(
                new FieldError("facts.casesCleared", "exceeds_total", "facts.casesCleared (14) is greater than facts.casesOccurred (13).",
                        "facts.casesCleared (14) lớn hơn facts.casesOccurred (13)."),
                new FieldError("baselinePeriod", "baseline_not_before_period", "…",
                        "baselinePeriod kết thúc ngày 2024-12-31, không trước period.from (2024-01-01) trong QD124_2004.")),
                labels::get, w -> w.equals("QD124_2004") ? "danh mục năm 2024" : null, false);
        assertEquals("Số vụ điều tra, khám phá", shown.get(0).label());
        assertEquals("Số vụ điều tra, khám phá (14) lớn hơn Số vụ phạm tội xảy ra (13).", shown.get(0).message());
        assertEquals("Kỳ gốc kết thúc ngày 31/12/2024, không trước Ngày bắt đầu kỳ (01/01/2024) trong danh mục năm 2024.",
                shown.get(1).message());
        assertFalse(shown.get(1).message().contains("period"));
    }
}
