package vn.chuyenhoa.programme;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.chuyenhoa.evaluation.EngineSource;
import vn.chuyenhoa.evaluation.EvaluationBatches;
import vn.chuyenhoa.evaluation.EvaluationRecord;
import vn.chuyenhoa.evaluation.EvaluationStore;
import vn.chuyenhoa.evaluation.Fact;
import vn.chuyenhoa.evaluation.Verdict;
import vn.chuyenhoa.area.AdminUnit;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.area.CodeScheme;
import vn.chuyenhoa.audit.Canonical;

/**
 * A province's facts by spreadsheet (issue 15): the template of a period, the preview of a filled file and the saving
 * of its valid rows. Every row goes through the batch path of the API ({@link EvaluationBatches}): the same parser,
 * province check, reform check and decision as {@code POST /api/v1/evaluation-batches}, as a dry run for the preview and
 * for real on "Lưu", on the very ruleset version the preview used.
 *
 * <p>Each row is stored once. Its idempotency key is the SHA-256 of its canonical content — commune, periods and facts,
 * written in one fixed order by this class (the name typed beside the code is left out: it only confirms the code) —
 * and is stored with the evaluation under the evaluation table's unique key. A row already stored, from the same file
 * or from a corrected one whose row did not change, is found by its key and shown with its evaluation instead of being
 * stored again; a row whose facts were corrected is new content and is stored.
 */
@Service
class FactSheets {

    static final String KEY_PREFIX = "facts-sheet:";
    /** Areas the template lists: those of the province in these states on the period's last day. */
    private static final List<AreaState> LISTED = List.of(AreaState.IN_TRANSFORMATION, AreaState.MONITORING);

    private static final java.util.Set<String> ITEM_MEMBERS = java.util.Set.of("area", "period", "baselinePeriod", "facts");

    public enum Status { OK, STORED, ERROR }

    /** One row of the preview or of the results. */
    public record RowView(int row, String code, String name, Status status, String verdict, String profileId, UUID id,
                   List<FactSheet.Problem> problems, List<FactSheet.TextNumber> textNumbers, List<String> failedVi,
                   List<String> failedEn) {}

    /** A file checked: its rows, or the problems of the whole file; {@code payload} carries the valid rows to "Lưu". */
    public record Preview(FactSheet.Header header, String version, List<RowView> rows, List<FactSheet.Problem> problems,
                   String payload) {
        public long count(Status s) { return rows.stream().filter(r -> r.status() == s).count(); }
    }

    /** What "Lưu" did: every row with its evaluation, or the version the preview used has left force. */
    public record Saved(List<RowView> rows, String staleCurrent) {
        public long count(Status s) { return rows.stream().filter(r -> r.status() == s).count(); }
    }

    private final EvaluationBatches batches;
    private final EvaluationStore evaluations;
    private final ProgrammeStore programmes;
    private final AreaDirectory areas;
    private final EngineSource engines;
    private final ObjectMapper json;
    private final MessageSource messages;

    FactSheets(EvaluationBatches batches, EvaluationStore evaluations, ProgrammeStore programmes, AreaDirectory areas,
               EngineSource engines, ObjectMapper json, MessageSource messages) {
        this.batches = batches;
        this.evaluations = evaluations;
        this.programmes = programmes;
        this.areas = areas;
        this.engines = engines;
        this.json = json;
        this.messages = messages;
    }

    // ---- the template ----------------------------------------------------------------------------------------------

    byte[] template(ProgrammeService.Programme p, FactSheet.Header h) {
        String scheme = p.scheme().name();
        Map<String, FactSheet.Commune> listed = new LinkedHashMap<>();
        LocalDate day = h.to();
        programmes.province(scheme, p.provinceCode(), ProgrammeService.MIN_YEAR, day.getYear()).stream()
                .filter(a -> a.stateOn(day).map(LISTED::contains).orElse(false))
                .map(a -> a.unitOn(day))
                .filter(u -> u.codeScheme().equals(scheme) && u.provinceCode().equals(p.provinceCode()))
                .sorted(Comparator.comparing(Unit::areaName))
                .forEach(u -> listed.putIfAbsent(u.areaCode(), new FactSheet.Commune(u.areaCode(),
                        areas.find(p.scheme(), u.areaCode()).map(AdminUnit::name).orElse(u.areaName()))));
        return FactSheet.template(p.provinceName(), h, List.copyOf(listed.values()));
    }

    // ---- the preview -----------------------------------------------------------------------------------------------

    Preview preview(ProgrammeService.Programme p, byte[] file) {
        FactSheet.Read read = FactSheet.read(file);
        String province = p.scheme().name() + ":" + p.provinceCode();
        List<FactSheet.Problem> problems = new ArrayList<>(read.problems());
        // another province's file is that, whatever else is wrong with it
        if (read.header() != null && read.header().province() != null && !province.equals(read.header().province())) {
            problems.clear();
            problems.add(new FactSheet.Problem("D" + FactSheet.PROVINCE_ROW, "Mã tỉnh", "Province code",
                    "Tệp là số liệu của " + read.header().province() + ", không phải của " + p.provinceName() + " ("
                            + province + "); hãy tải mẫu của tỉnh này.",
                    "The file holds the facts of " + read.header().province() + ", not of " + p.provinceName() + " ("
                            + province + "); download this province's template."));
        }
        if (!problems.isEmpty()) return new Preview(read.header(), null, List.of(), problems, null);

        List<RowView> rows = new ArrayList<>();
        List<String> items = new ArrayList<>();
        List<Integer> itemRows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (FactSheet.Line line : read.lines()) {
            List<FactSheet.Problem> lineProblems = new ArrayList<>(line.problems());
            if (line.code() != null) {
                Integer earlier = seen.putIfAbsent(line.code(), line.row());
                String cell = "A" + line.row();
                if (earlier != null) {
                    lineProblems.add(new FactSheet.Problem(cell, "Mã xã", "Commune code", "Xã " + line.code()
                            + " đã có ở dòng " + earlier + "; mỗi xã một dòng.",
                            "Commune " + line.code() + " is already on row " + earlier + "; one row per commune."));
                } else {
                    Optional<AdminUnit> unit = areas.find(p.scheme(), line.code());
                    if (unit.isPresent() && !unit.get().provinceCode().equals(p.provinceCode())) {
                        lineProblems.add(new FactSheet.Problem(cell, "Mã xã", "Commune code", "Xã " + line.code() + " ("
                                + unit.get().name() + ") thuộc " + unit.get().provinceName() + ", không thuộc "
                                + p.provinceName() + ".", "Commune " + line.code() + " (" + unit.get().name()
                                + ") is in " + unit.get().provinceName() + ", not in " + p.provinceName() + "."));
                    }
                }
            }
            RowView view = new RowView(line.row(), line.code(), line.name(), lineProblems.isEmpty() ? Status.OK : Status.ERROR,
                    null, null, null, lineProblems, line.textNumbers(), List.of(), List.of());
            rows.add(view);
            if (lineProblems.isEmpty()) {
                items.add(item(p.scheme(), read.header(), line));
                itemRows.add(rows.size() - 1);
            }
        }
        String version = engines.current().versionId();
        if (!items.isEmpty()) {
            EvaluationBatches.Outcome outcome = batches.submitKeyed(body(items), null, null, true);
            if (!(outcome instanceof EvaluationBatches.Checked checked)) {
                throw new IllegalStateException("a dry run of the sheet's rows was not checked: " + outcome);
            }
            JsonNode answer = json.readTree(checked.json());
            version = answer.path("rulesetVersion").asString();
            JsonNode results = answer.path("results");
            for (int i = 0; i < items.size(); i++) {
                int at = itemRows.get(i);
                rows.set(at, decided(rows.get(at), results.get(i), null));
            }
        }
        // a valid row whose content is stored already is shown with its evaluation, and is not stored again
        List<Map<String, Object>> payload = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            int at = itemRows.get(i);
            RowView r = rows.get(at);
            if (r.status() != Status.OK) continue;
            Optional<EvaluationRecord> stored = evaluations.findByIdempotencyKey(key(items.get(i)));
            if (stored.isPresent()) rows.set(at, withStored(r, stored.get().id()));
            Map<String, Object> carried = new LinkedHashMap<>();
            carried.put("row", r.row());
            carried.put("code", r.code());
            carried.put("name", r.name());
            carried.put("item", items.get(i));
            payload.add(carried);
        }
        // carried opaque: the page shows no request JSON (with its field names), only the rows in words
        return new Preview(read.header(), version, rows, List.of(), payload.isEmpty() ? null
                : Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(payload)));
    }

    /** A row with the batch's answer for it: its verdict, or each of its errors at its cell. */
    private RowView decided(RowView r, JsonNode result, UUID id) {
        int status = result.path("status").asInt();
        if (status == 200 || status == 201) {
            return new RowView(r.row(), r.code(), r.name(), Status.OK, result.path("verdict").asString(),
                    result.path("profileId").asString(null), id, List.of(), r.textNumbers(), List.of(), List.of());
        }
        List<FactSheet.Problem> problems = new ArrayList<>();
        if (result.path("errors").isArray() && !result.path("errors").isEmpty()) {
            for (JsonNode e : result.path("errors")) {
                problems.add(atCell(r.row(), e.path("field").asString(""), e.path("messageVi").asString(""),
                        e.path("message").asString("")));
            }
        } else {
            problems.add(new FactSheet.Problem("A" + r.row(), "Mã xã", "Commune code",
                    result.path("detailVi").asString(result.path("titleVi").asString("")),
                    result.path("detail").asString(result.path("title").asString(""))));
        }
        return new RowView(r.row(), r.code(), r.name(), Status.ERROR, null, null, null, problems, r.textNumbers(),
                List.of(), List.of());
    }

    private static RowView withStored(RowView r, UUID id) {
        return new RowView(r.row(), r.code(), r.name(), Status.STORED, r.verdict(), r.profileId(), id, r.problems(),
                r.textNumbers(), r.failedVi(), r.failedEn());
    }

    /** Where an item's field lives in the sheet: its column in the row, or the header cell of a period. */
    static FactSheet.Problem atCell(int row, String field, String vi, String en) {
        String f = field.replaceFirst("^items\\[\\d+\\]\\.?", "");
        if (f.startsWith("facts.")) {
            Fact fact = Fact.byName(f.substring("facts.".length()));
            if (fact != null) {
                return new FactSheet.Problem(FactSheet.column(FactSheet.columnOf(fact)) + row, FactSheet.labelVi(fact),
                        FactSheet.labelEn(fact), vi, en);
            }
        }
        if (f.startsWith("area.name")) return new FactSheet.Problem("B" + row, "Tên xã", "Commune name", vi, en);
        if (f.startsWith("period")) {
            return new FactSheet.Problem((f.endsWith(".to") ? "D" : "B") + FactSheet.PERIOD_ROW, "Kỳ đánh giá",
                    "Period", vi, en);
        }
        if (f.startsWith("baselinePeriod")) {
            return new FactSheet.Problem((f.endsWith(".to") ? "D" : "B") + FactSheet.BASELINE_ROW, "Kỳ so sánh",
                    "Baseline period", vi, en);
        }
        return new FactSheet.Problem("A" + row, "Mã xã", "Commune code", vi, en);
    }

    // ---- saving ----------------------------------------------------------------------------------------------------

    /**
     * Stores the preview's valid rows that are not stored yet, on {@code version} or not at all. A row another request
     * stored meanwhile (the same file saved twice at once) makes the insert fail on its key: it is then looked up again.
     */
    Saved save(ProgrammeService.Programme p, String payload, String version) {
        List<JsonNode> carried = new ArrayList<>();
        JsonNode parsed;
        try {
            parsed = json.readTree(Base64.getUrlDecoder().decode(payload.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the preview's rows are not this page's", e);
        }
        if (!parsed.isArray()) throw new IllegalArgumentException("the preview's rows are not a list");
        parsed.forEach(carried::add);
        try {
            return saveOnce(p, carried, version);
        } catch (DataIntegrityViolationException e) {
            return saveOnce(p, carried, version);
        }
    }

    private Saved saveOnce(ProgrammeService.Programme p, List<JsonNode> carried, String version) {
        List<RowView> rows = new ArrayList<>();
        List<String> items = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<Integer> itemRows = new ArrayList<>();
        for (JsonNode c : carried) {
            String item = c.path("item").asString("");
            // the preview wrote these rows; one that asks for more than a row can say was not written by it
            JsonNode node = json.readTree(item);
            if (!node.isObject() || node.propertyNames().stream().anyMatch(n -> !ITEM_MEMBERS.contains(n))) {
                throw new IllegalArgumentException("a row of the preview holds other members than a sheet row's");
            }
            RowView r = new RowView(c.path("row").asInt(), c.path("code").asString(null), c.path("name").asString(null),
                    Status.OK, null, null, null, List.of(), List.of(), List.of(), List.of());
            String key = key(item);
            Optional<EvaluationRecord> stored = evaluations.findByIdempotencyKey(key);
            if (stored.isPresent()) {
                rows.add(withStored(r, stored.get().id()));
            } else {
                rows.add(r);
                items.add(item);
                keys.add(key);
                itemRows.add(rows.size() - 1);
            }
        }
        if (!items.isEmpty()) {
            EvaluationBatches.Outcome outcome = batches.submitKeyed(body(items), keys, version, false);
            if (outcome instanceof EvaluationBatches.Stale stale) return new Saved(List.of(), stale.current());
            if (!(outcome instanceof EvaluationBatches.Recorded recorded)) {
                throw new IllegalArgumentException("the preview's rows are not a batch: " + outcome);
            }
            JsonNode results = json.readTree(recorded.json()).path("results");
            for (int i = 0; i < items.size(); i++) {
                int at = itemRows.get(i);
                JsonNode result = results.get(i);
                String id = result.path("id").asString(null);
                rows.set(at, decided(rows.get(at), result, id == null ? null : UUID.fromString(id)));
            }
        }
        List<RowView> withCriteria = new ArrayList<>();
        for (RowView r : rows) withCriteria.add(r.id() == null ? r : withDocument(r));
        return new Saved(withCriteria, null);
    }

    /** A stored row's verdict and failed criteria, read from its stored document. */
    private RowView withDocument(RowView r) {
        return evaluations.findResponse(r.id()).map(doc -> {
            JsonNode d = json.readTree(doc);
            List<String> vi = new ArrayList<>(), en = new ArrayList<>();
            for (JsonNode c : d.path("criteria")) {
                if ("NOT_MET".equals(c.path("outcome").asString())) {
                    vi.add(c.path("labelVi").asString());
                    en.add(c.path("labelEn").asString());
                }
            }
            return new RowView(r.row(), r.code(), r.name() == null ? d.path("area").path("name").asString(null) : r.name(),
                    r.status(), d.path("verdict").asString(), d.path("profile").path("id").asString(null), r.id(),
                    r.problems(), r.textNumbers(), vi, en);
        }).orElse(r);
    }

    // ---- the results as XLSX ---------------------------------------------------------------------------------------

    /** One row per stored evaluation of the province among {@code ids}: commune, verdict, failed criteria, id. */
    byte[] results(ProgrammeService.Programme p, List<UUID> ids, boolean english) {
        Locale locale = english ? Locale.ENGLISH : Locale.forLanguageTag("vi");
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle head = wb.createCellStyle();
            head.setFont(bold);
            Sheet s = wb.createSheet(english ? "Results" : "Kết quả");
            String[] headings = english
                    ? new String[]{"Commune code", "Commune", "Verdict", "Criteria not met", "Evaluation id"}
                    : new String[]{"Mã xã", "Tên xã, phường, thị trấn", "Kết luận", "Tiêu chí chưa đạt", "Mã kết quả đánh giá"};
            Row h = s.createRow(0);
            for (int i = 0; i < headings.length; i++) {
                h.createCell(i).setCellValue(headings[i]);
                h.getCell(i).setCellStyle(head);
            }
            int r = 1;
            for (UUID id : ids) {
                Optional<byte[]> doc = evaluations.findResponse(id);
                if (doc.isEmpty()) continue;
                JsonNode d = json.readTree(doc.get());
                JsonNode area = d.path("area");
                // only the province of the page: an id of elsewhere is not this officer's to list
                if (!p.scheme().name().equals(area.path("codeScheme").asString())
                        || !p.provinceCode().equals(area.path("provinceCode").asString())) continue;
                List<String> failed = new ArrayList<>();
                for (JsonNode c : d.path("criteria")) {
                    if ("NOT_MET".equals(c.path("outcome").asString())) {
                        failed.add(c.path(english ? "labelEn" : "labelVi").asString());
                    }
                }
                Row row = s.createRow(r++);
                row.createCell(0).setCellValue(area.path("code").asString());
                row.createCell(1).setCellValue(area.path("name").asString(""));
                row.createCell(2).setCellValue(messages.getMessage("verdict." + d.path("verdict").asString(), null,
                        d.path("verdict").asString(), locale));
                row.createCell(3).setCellValue(String.join("; ", failed));
                row.createCell(4).setCellValue(id.toString());
            }
            s.setColumnWidth(0, 10 * 256);
            s.setColumnWidth(1, 28 * 256);
            s.setColumnWidth(2, 26 * 256);
            s.setColumnWidth(3, 60 * 256);
            s.setColumnWidth(4, 38 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- items and keys --------------------------------------------------------------------------------------------

    /** The evaluation request of a row, exactly as an API caller would write it. */
    private String item(CodeScheme scheme, FactSheet.Header h, FactSheet.Line line) {
        Map<String, Object> area = new LinkedHashMap<>();
        area.put("codeScheme", scheme.name());
        area.put("code", line.code());
        if (line.name() != null) area.put("name", line.name());
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("area", area);
        item.put("period", Map.of("from", h.from().toString(), "to", h.to().toString()));
        if (h.baselineFrom() != null) {
            item.put("baselinePeriod", Map.of("from", h.baselineFrom().toString(), "to", h.baselineTo().toString()));
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        line.facts().forEach((f, v) -> facts.put(f.jsonName(), v));
        item.put("facts", facts);
        return json.writeValueAsString(item);
    }

    /** The row's key: its content without the name typed beside the code, in a fixed order of members. */
    String key(String item) {
        JsonNode node = json.readTree(item);
        if (node.path("area") instanceof ObjectNode area) area.remove("name");
        return KEY_PREFIX + Canonical.sha256(json.writeValueAsString(sorted(node)));
    }

    /** Members in code-point order at every level, so the key does not depend on how the item was written. */
    private Object sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> m = new java.util.TreeMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) m.put(e.getKey(), sorted(e.getValue()));
            return m;
        }
        if (node.isArray()) {
            List<Object> l = new ArrayList<>();
            node.forEach(n -> l.add(sorted(n)));
            return l;
        }
        return node;
    }

    private static byte[] body(List<String> items) {
        return ("{\"items\":[" + String.join(",", items) + "]}").getBytes(StandardCharsets.UTF_8);
    }
}
