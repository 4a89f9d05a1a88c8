package vn.chuyenhoa.evaluation;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;


/**
 * The list as CSV (UTF-8 with a byte order mark, so that Excel shows Vietnamese) and XLSX, one evaluation as PDF for
 * the area's dossier. The PDF embeds DejaVu Sans (bundled under fonts/, with its licence), which has every Vietnamese
 * glyph, so the file reads the same on any machine.
 */
@Component
class Exports {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private record Column(String key, Function<EvaluationSummary, Object> value) {}

    private static final List<Column> COLUMNS = List.of(
            new Column("col.evaluatedAt", EvaluationSummary::evaluatedAt),
            new Column("col.codeScheme", EvaluationSummary::codeScheme),
            new Column("col.areaCode", EvaluationSummary::areaCode),
            new Column("col.areaName", EvaluationSummary::areaName),
            new Column("col.provinceCode", EvaluationSummary::provinceCode),
            new Column("col.profile", EvaluationSummary::profileId),
            new Column("col.verdict", EvaluationSummary::verdict),
            new Column("col.purpose", EvaluationSummary::purpose),
            new Column("col.periodFrom", EvaluationSummary::periodFrom),
            new Column("col.periodTo", EvaluationSummary::periodTo),
            new Column("col.rulesetVersion", EvaluationSummary::rulesetVersion),
            new Column("col.state", EvaluationSummary::state),
            new Column("col.id", EvaluationSummary::id));

    private final MessageSource messages;
    private final byte[] regular;
    private final byte[] bold;

    Exports(MessageSource messages) {
        this.messages = messages;
        this.regular = font("fonts/DejaVuSans.ttf");
        this.bold = font("fonts/DejaVuSans-Bold.ttf");
    }

    byte[] csv(List<EvaluationSummary> rows, Locale locale) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", COLUMNS.stream().map(c -> quote(msg(c.key(), locale))).toList())).append("\r\n");
        for (EvaluationSummary s : rows) {
            sb.append(String.join(",", COLUMNS.stream().map(c -> quote(text(c, s, locale))).toList())).append("\r\n");
        }
        byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, out, 0, BOM.length);
        System.arraycopy(body, 0, out, BOM.length, body.length);
        return out;
    }

    byte[] xlsx(List<EvaluationSummary> rows, Locale locale) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(msg("export.sheet", locale));
            Row head = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) head.createCell(i).setCellValue(msg(COLUMNS.get(i).key(), locale));
            int r = 1;
            for (EvaluationSummary s : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < COLUMNS.size(); i++) row.createCell(i).setCellValue(text(COLUMNS.get(i), s, locale));
            }
            sheet.createFreezePane(0, 1);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] pdf(EvaluationDocument d, EvaluationStatus status, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BaseFont base = BaseFont.createFont("DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, regular, null);
            BaseFont baseBold = BaseFont.createFont("DejaVuSans-Bold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, bold, null);
            Font body = new Font(base, 9);
            Font strong = new Font(baseBold, 9);
            Font title = new Font(baseBold, 14);
            Document doc = new Document(PageSize.A4.rotate(), 30, 30, 30, 30);
            PdfWriter.getInstance(doc, out);
            doc.addTitle(msg("evaluation.title", locale) + " " + d.area().name());
            doc.open();
            doc.add(new Paragraph(msg("evaluation.title", locale) + ": " + d.area().name() + " (" + d.area().code() + ")", title));
            doc.add(new Paragraph(msg("verdict." + d.verdict().name(), locale), new Font(baseBold, 12)));
            line(doc, strong, body, msg("col.codeScheme", locale), d.area().codeScheme() + ", " + msg("col.provinceCode", locale)
                    + " " + d.area().provinceCode() + (d.area().districtCode() == null ? "" : ", " + msg("evaluation.district", locale) + " " + d.area().districtCode()));
            line(doc, strong, body, msg("evaluation.period", locale), d.period().from() + " – " + d.period().to()
                    + (d.baselinePeriod() == null ? "" : "; " + msg("evaluation.baseline", locale) + " " + d.baselinePeriod().from() + " – " + d.baselinePeriod().to()));
            if (d.profile() != null) line(doc, strong, body, msg("col.profile", locale), d.profile().id() + " — " + (en ? d.profile().labelEn() : d.profile().labelVi())
                    + (d.profile().legalBasis() == null ? "" : " (" + d.profile().legalBasis() + ")"));
            line(doc, strong, body, msg("col.rulesetVersion", locale), d.rulesetVersion());
            line(doc, strong, body, msg("evaluation.evaluatedAt", locale), String.valueOf(d.evaluatedAt()) + " · id " + d.id());
            line(doc, strong, body, msg("col.state", locale), msg("state." + status.state(), locale)
                    + status.events().stream().map(e -> " · " + e.kind() + " " + e.at() + ": " + e.reason()).reduce("", String::concat));

            PdfPTable table = new PdfPTable(new float[] {3.2f, 1.4f, 1.2f, 1.3f, 5f, 3.2f});
            table.setWidthPercentage(100);
            table.setSpacingBefore(10);
            for (String h : new String[] {"col.criterion", "col.actual", "col.threshold", "col.outcome", "col.explanation", "col.source"}) {
                PdfPCell c = new PdfPCell(new Phrase(msg(h, locale), strong));
                c.setBackgroundColor(new Color(230, 230, 230));
                table.addCell(c);
            }
            for (CriterionResult c : d.criteria()) {
                table.addCell(new Phrase((en ? c.labelEn() : c.labelVi()) + "\n" + c.id(), body));
                table.addCell(new Phrase(nz(c.actual()) + (c.denominator() == null ? "" : " (" + c.numerator() + "/" + c.denominator() + ")"), body));
                table.addCell(new Phrase((c.comparison() == null ? "" : c.comparison() + " ") + nz(c.threshold()), body));
                PdfPCell outcome = new PdfPCell(new Phrase(msg("outcome." + c.outcome().name(), locale), strong));
                outcome.setBackgroundColor(c.outcome() == Outcome.MET ? new Color(214, 240, 214)
                        : c.outcome() == Outcome.NOT_MET ? new Color(248, 215, 215) : new Color(240, 236, 210));
                table.addCell(outcome);
                String remedy = en ? c.remedyEn() : c.remedyVi();
                table.addCell(new Phrase(nz(en ? c.explanationEn() : c.explanationVi())
                        + (remedy == null || c.outcome() != Outcome.NOT_MET ? "" : "\n→ " + msg("evaluation.remedy", locale) + ": " + remedy), body));
                table.addCell(new Phrase((c.source() == null ? "" : c.source().file() + " · " + c.source().sheet() + " · "
                        + msg("evaluation.row", locale) + " " + c.source().row() + " · " + c.source().cell())
                        + (c.legalBasis() == null ? "" : "\n" + c.legalBasis()), body));
            }
            doc.add(table);
            if (d.missingFacts() != null && !d.missingFacts().isEmpty()) {
                line(doc, strong, body, msg("evaluation.missingFacts", locale), String.join(", ", d.missingFacts()));
            }
            if (d.facts() instanceof Map<?, ?> facts) {
                Paragraph p = new Paragraph(msg("evaluation.facts", locale), strong);
                p.setSpacingBefore(8);
                doc.add(p);
                StringBuilder sb = new StringBuilder();
                facts.forEach((k, v) -> sb.append(k).append(" = ").append(v).append("; "));
                doc.add(new Paragraph(sb.toString(), body));
            }
            Paragraph foot = new Paragraph(msg("pdf.footer", locale), new Font(base, 7));
            foot.setAlignment(Element.ALIGN_LEFT);
            foot.setSpacingBefore(10);
            doc.add(foot);
            doc.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(Document doc, Font strong, Font body, String label, String value) {
        Paragraph p = new Paragraph();
        p.add(new Phrase(label + ": ", strong));
        p.add(new Phrase(value, body));
        doc.add(p);
    }

    private String text(Column c, EvaluationSummary s, Locale locale) {
        Object v = c.value().apply(s);
        if (v == null) return "";
        if (c.key().equals("col.verdict")) return msg("verdict." + v, locale);
        if (c.key().equals("col.state")) return msg("state." + v, locale);
        return String.valueOf(v);
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

    private static byte[] font(String resource) {
        try (InputStream in = Exports.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing bundled font " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
