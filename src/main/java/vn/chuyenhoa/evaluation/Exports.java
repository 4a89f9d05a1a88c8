package vn.chuyenhoa.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;


import vn.chuyenhoa.document.OfficialDocument;
import vn.chuyenhoa.web.Show;

/**
 * The list as CSV (UTF-8 with a byte order mark, so that Excel shows Vietnamese) and XLSX, codes beside names, one
 * evaluation as PDF for the area's dossier, laid out as every printed document of the service is ({@link OfficialDocument}).
 */
@Component
class Exports {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final java.time.ZoneId VIETNAM = java.time.ZoneId.of("Asia/Ho_Chi_Minh");
    private static final java.time.format.DateTimeFormatter CSV_TIME = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
            .ofPattern("dd/MM/yyyy HH:mm:ss").withZone(VIETNAM);
    private static final java.time.format.DateTimeFormatter CSV_DATE = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /**
     * One column: its header's message key ({@code csvKey} when the CSV header also says how its text is written) and
     * its value, an {@link Instant} or {@link LocalDate} written as a date, anything else as text.
     */
    private record Column(String key, String csvKey, Function<EvaluationSummary, Object> value) {
        Column(String key, Function<EvaluationSummary, Object> value) {
            this(key, key, value);
        }
    }

    /**
     * The columns of the list: each code other systems read stays in its own column, with what people read beside it
     * (province, profile, verdict, purpose and state by name); the time in Vietnam time, dates as officers write them.
     */
    private List<Column> columns(Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        Policy policy = engines.current().policy();
        return List.of(
                new Column("export.evaluatedAt", "export.evaluatedAt.csv", EvaluationSummary::evaluatedAt),
                new Column("col.codeScheme", EvaluationSummary::codeScheme),
                new Column("col.areaCode", EvaluationSummary::areaCode),
                new Column("col.areaName", EvaluationSummary::areaName),
                new Column("col.provinceCode", EvaluationSummary::provinceCode),
                new Column("col.province", s -> provinceName(s.codeScheme(), s.provinceCode())),
                new Column("export.profileCode", EvaluationSummary::profileId),
                new Column("col.profile", s -> policy.profile(s.profileId()).map(p -> en ? p.labelEn() : p.labelVi()).orElse("")),
                new Column("export.verdictCode", EvaluationSummary::verdict),
                new Column("col.verdict", s -> s.verdict() == null ? "" : msg("verdict." + s.verdict(), locale)),
                new Column("export.purposeCode", EvaluationSummary::purpose),
                new Column("col.purpose", s -> s.purpose() == null ? "" : msg("purpose." + s.purpose(), locale)),
                new Column("col.periodFrom", "export.periodFrom.csv", EvaluationSummary::periodFrom),
                new Column("col.periodTo", "export.periodTo.csv", EvaluationSummary::periodTo),
                new Column("col.rulesetVersion", EvaluationSummary::rulesetVersion),
                new Column("export.stateCode", EvaluationSummary::state),
                new Column("col.state", s -> s.state() == null ? "" : msg("state." + s.state(), locale)),
                new Column("col.id", EvaluationSummary::id));
    }

    private final MessageSource messages;
    private final vn.chuyenhoa.area.AreaDirectory areas;
    private final Show show;
    private final EngineSource engines;

    Exports(MessageSource messages, vn.chuyenhoa.area.AreaDirectory areas, Show show, EngineSource engines) {
        this.messages = messages;
        this.areas = areas;
        this.show = show;
        this.engines = engines;
    }

    /** UTF-8 with a byte order mark, so that Excel shows Vietnamese; dates dd/mm/yyyy, times Vietnam time, as the header says. */
    byte[] csv(List<EvaluationSummary> rows, Locale locale) {
        List<Column> columns = columns(locale);
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", columns.stream().map(c -> quote(msg(c.csvKey(), locale))).toList())).append("\r\n");
        for (EvaluationSummary s : rows) {
            sb.append(String.join(",", columns.stream().map(c -> quote(csvText(c.value().apply(s)))).toList())).append("\r\n");
        }
        byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, out, 0, BOM.length);
        System.arraycopy(body, 0, out, BOM.length, body.length);
        return out;
    }

    private static String csvText(Object v) {
        if (v == null) return "";
        if (v instanceof Instant t) return CSV_TIME.format(t.atZone(VIETNAM));
        if (v instanceof LocalDate d) return CSV_DATE.format(d);
        return String.valueOf(v);
    }

    /** Dates and times are real date cells (Vietnam time), shown dd/mm/yyyy and dd/mm/yyyy hh:mm, so they sort and filter. */
    byte[] xlsx(List<EvaluationSummary> rows, Locale locale) {
        List<Column> columns = columns(locale);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(msg("export.sheet", locale));
            CellStyle date = wb.createCellStyle(), time = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
            time.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
            Row head = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) head.createCell(i).setCellValue(msg(columns.get(i).key(), locale));
            int r = 1;
            for (EvaluationSummary s : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < columns.size(); i++) {
                    Object v = columns.get(i).value().apply(s);
                    Cell cell = row.createCell(i);
                    if (v instanceof Instant t) {
                        cell.setCellValue(t.atZone(VIETNAM).toLocalDateTime());
                        cell.setCellStyle(time);
                    } else if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    } else {
                        cell.setCellValue(v == null ? "" : String.valueOf(v));
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The evaluation as a document for the area's dossier, in the administrative format every printed document of
     * the service shares ({@link OfficialDocument}): issued by the steering committee of the area's province. It says
     * what the evaluation's page says, written by the same {@link Show} (names beside codes, facts by their labels,
     * numbers and yes/no as the language writes them, criterion codes only in English).
     */
    byte[] pdf(EvaluationDocument d, EvaluationStatus status, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        EvaluationDocument.AreaView area = d.area();
        String province = provinceName(area.codeScheme(), area.provinceCode());
        OfficialDocument doc = OfficialDocument.of(OfficialDocument.Letterhead.steeringCommittee(province, null, "BC-BCĐ"), true)
                .title("BÁO CÁO", msg("evaluation.title", locale) + ": " + area.name() + " (" + area.code() + ")");
        doc.line(msg("col.verdict", locale), msg("verdict." + d.verdict().name(), locale));
        doc.line(msg("col.areaCode", locale), area.name() + " (" + area.code() + "), " + msg("evaluation.codeList", locale)
                + " " + show.scheme(area.codeScheme()));
        doc.line(msg("col.provinceCode", locale), show.province(area.codeScheme(), area.provinceCode())
                + (area.districtCode() == null ? "" : ", " + show.district(area.codeScheme(), area.provinceCode(), area.districtCode())));
        doc.line(msg("evaluation.period", locale), show.date(d.period().from()) + " – " + show.date(d.period().to())
                + (d.baselinePeriod() == null ? "" : "; " + msg("evaluation.baseline", locale) + " "
                + show.date(d.baselinePeriod().from()) + " – " + show.date(d.baselinePeriod().to())));
        if (d.profile() != null) doc.line(msg("col.profile", locale), d.profile().id() + " — " + (en ? d.profile().labelEn() : d.profile().labelVi())
                + (d.profile().legalBasis() == null ? "" : " (" + d.profile().legalBasis() + ")"));
        doc.line(msg("col.rulesetVersion", locale), d.rulesetVersion());
        doc.line(msg("evaluation.evaluatedAt", locale), time(d.evaluatedAt()) + " · id " + d.id());
        doc.line(msg("col.state", locale), msg("state." + status.state(), locale)
                + status.events().stream().map(e -> " · " + msg("state." + e.kind(), locale) + " " + time(e.at()) + ": " + e.reason())
                .reduce("", String::concat));
        List<List<String>> rows = new ArrayList<>();
        for (CriterionResult c : d.criteria()) {
            String remedy = en ? c.remedyEn() : c.remedyVi();
            rows.add(List.of((en ? c.labelEn() + "\n" + c.id() : c.labelVi()),
                    show.number(c.actual()) + (c.denominator() == null ? ""
                            : "\n" + show.number(c.numerator()) + "/" + show.number(c.denominator())),
                    (c.comparison() == null ? "" : c.comparison() + " ") + show.number(c.threshold()),
                    msg("outcome." + c.outcome().name(), locale),
                    nz(en ? c.explanationEn() : c.explanationVi())
                            + (remedy == null || c.outcome() != Outcome.NOT_MET ? "" : "\n→ " + msg("evaluation.remedy", locale) + ": " + remedy),
                    (c.source() == null ? "" : c.source().file() + " · " + c.source().sheet() + " · "
                            + msg("evaluation.row", locale) + " " + c.source().row() + " · " + c.source().cell())
                            + (c.legalBasis() == null ? "" : "\n" + c.legalBasis())));
        }
        doc.table(new OfficialDocument.Table(new float[] {3.2f, 1.4f, 1.2f, 1.3f, 5f, 3.2f},
                List.of(msg("col.criterion", locale), msg("col.actual", locale), msg("col.threshold", locale),
                        msg("col.outcome", locale), msg("col.explanation", locale), msg("col.source", locale)), rows));
        if (d.missingFacts() != null && !d.missingFacts().isEmpty()) {
            doc.line(msg("evaluation.missingFacts", locale), show.facts(d.missingFacts()));
        }
        if (d.facts() instanceof Map<?, ?> facts) {
            List<List<String>> factRows = new ArrayList<>();
            facts.forEach((k, v) -> factRows.add(List.of(show.fact(String.valueOf(k)), show.number(v))));
            doc.heading(msg("evaluation.facts", locale));
            doc.table(new OfficialDocument.Table(new float[] {8f, 2f}, List.of(msg("col.fact", locale), msg("col.value", locale)), factRows));
        }
        doc.note(msg("pdf.footer", locale));
        return doc.recipients(List.of("Ban Chỉ đạo 138 " + province + " (để báo cáo)", "Ủy ban nhân dân " + d.area().name(),
                        "Hồ sơ địa bàn " + d.area().name(), "Lưu: VT"))
                .signature(new OfficialDocument.Signature("TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN"))
                .render();
    }

    private String provinceName(String scheme, String provinceCode) {
        return vn.chuyenhoa.area.CodeScheme.parse(scheme)
                .flatMap(s -> areas.provinceName(s, provinceCode)).orElse("tỉnh " + provinceCode);
    }

    private static String time(java.time.Instant t) {
        return t == null ? "" : TIME.format(t) + " (giờ Việt Nam)";
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Quoted when needed, and a leading = + - @ neutralised so that a spreadsheet never runs a cell as a formula. */
    static String quote(String s) {
        String v = s == null ? "" : s;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) v = "\"" + v.replace("\"", "\"\"") + "\"";
        return v;
    }
}
