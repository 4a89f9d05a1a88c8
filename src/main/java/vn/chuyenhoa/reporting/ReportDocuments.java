package vn.chuyenhoa.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import vn.chuyenhoa.document.OfficialDocument;
import vn.chuyenhoa.kernel.Numbers;
import vn.chuyenhoa.reporting.ProvinceReport.Entry;
import vn.chuyenhoa.reporting.ProvinceReport.Section;
import vn.chuyenhoa.reporting.ProvinceReport.Target;

/** A calendar report as a spreadsheet (a summary sheet and the list of areas) and as an administrative document. */
@Component
class ReportDocuments {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    byte[] pdf(ProvinceReport r, boolean en) {
        boolean vi = !en;
        OfficialDocument doc = OfficialDocument.of(OfficialDocument.Letterhead.steeringCommittee(r.unit().provinceName(),
                r.unit().districtName(), "BC-BCĐ"), false).title(en ? "REPORT" : "BÁO CÁO", subject(r, en));
        doc.paragraph(period(r, en));
        doc.heading(en ? "I. Summary" : "I. TỔNG HỢP");
        List<List<String>> summary = new ArrayList<>();
        int n = 1;
        for (Section s : r.sections()) summary.add(List.of(String.valueOf(n++), s.part().label(en), Numbers.format(s.count(), vi)));
        doc.table(new OfficialDocument.Table(new float[] {1, 12, 3}, List.of(en ? "No." : "STT", en ? "Item" : "Nội dung",
                en ? "Areas" : "Số địa bàn"), summary));
        doc.heading(en ? "II. Targets and results" : "II. KẾT QUẢ SO VỚI CHỈ TIÊU");
        List<List<String>> targets = new ArrayList<>();
        for (Target t : r.targets()) {
            targets.add(List.of(en ? t.labelEn() : t.labelVi(), t.achieved(vi), t.targetText(vi), t.assessment(r.provisional(), en)));
        }
        doc.table(new OfficialDocument.Table(new float[] {8, 4, 3, 4}, List.of(en ? "Measure" : "Chỉ số",
                en ? "Achieved" : "Kết quả", en ? "Target" : "Chỉ tiêu", en ? "Assessment" : "Đánh giá"), targets));
        for (Target t : r.targets()) {
            if (t.source() != null) doc.note((en ? t.labelEn() : t.labelVi()) + ": " + (en ? "target set by " : "chỉ tiêu tại ")
                    + t.source() + (t.legalBasis() == null ? "" : (en ? "; basis: " : "; căn cứ: ") + t.legalBasis()));
        }
        doc.heading(en ? "III. Areas" : "III. DANH SÁCH ĐỊA BÀN");
        n = 1;
        for (Section s : r.sections()) {
            doc.line(n++ + ". " + s.part().label(en), Numbers.format(s.count(), vi) + (en ? " area(s)" : " địa bàn"));
            if (s.entries().isEmpty()) continue;
            List<List<String>> rows = new ArrayList<>();
            int i = 1;
            for (Entry e : s.entries()) {
                rows.add(List.of(String.valueOf(i++), e.areaName() + " (" + e.areaCode() + ")",
                        e.districtName() == null ? "" : e.districtName(), String.valueOf(e.year()), en ? e.detailEn() : e.detailVi()));
            }
            doc.table(new OfficialDocument.Table(new float[] {1.2f, 5, 4, 1.8f, 9}, List.of(en ? "No." : "STT",
                    en ? "Area (code)" : "Địa bàn (mã)", en ? "District" : "Huyện", en ? "Year" : "Năm", en ? "Details" : "Nội dung"), rows));
        }
        boolean district = r.unit().districtCode() != null;
        List<String> recipients = district
                ? List.of("Ban Chỉ đạo 138 " + r.unit().provinceName() + " (để báo cáo)", "Thường trực Huyện ủy, UBND huyện (để báo cáo)",
                        "Các thành viên Ban Chỉ đạo", "Lưu: VT")
                : List.of("Ban Chỉ đạo 138 Chính phủ (để báo cáo)", "Bộ Công an (để báo cáo)",
                        "Thường trực Tỉnh ủy, UBND tỉnh (để báo cáo)", "Các thành viên Ban Chỉ đạo", "Lưu: VT");
        return doc.recipients(recipients).signature(new OfficialDocument.Signature("TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN")).render();
    }

    byte[] xlsx(ProvinceReport r, boolean en) {
        boolean vi = !en;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            Sheet sum = wb.createSheet(en ? "Summary" : "Tổng hợp");
            int i = 0;
            text(sum.createRow(i++), bold, (en ? "REPORT: " : "BÁO CÁO: ") + subject(r, en));
            text(sum.createRow(i++), null, r.unit().label());
            text(sum.createRow(i++), null, period(r, en));
            i++;
            text(sum.createRow(i++), bold, en ? "Item" : "Nội dung", en ? "Areas" : "Số địa bàn");
            for (Section s : r.sections()) {
                Row row = sum.createRow(i++);
                row.createCell(0).setCellValue(s.part().label(en));
                row.createCell(1).setCellValue(s.count());
            }
            i++;
            text(sum.createRow(i++), bold, en ? "Measure" : "Chỉ số", en ? "Achieved" : "Kết quả", en ? "Numerator" : "Tử số",
                    en ? "Denominator" : "Mẫu số", en ? "Target" : "Chỉ tiêu", en ? "Assessment" : "Đánh giá",
                    en ? "Source" : "Nguồn", en ? "Legal basis" : "Căn cứ");
            for (Target t : r.targets()) {
                Row row = text(sum.createRow(i++), null, en ? t.labelEn() : t.labelVi(), t.achieved(vi));
                row.createCell(2).setCellValue(t.numerator());
                row.createCell(3).setCellValue(t.denominator());
                row.createCell(4).setCellValue(t.targetText(vi));
                row.createCell(5).setCellValue(t.assessment(r.provisional(), en));
                row.createCell(6).setCellValue(t.source() == null ? "" : t.source());
                row.createCell(7).setCellValue(t.legalBasis() == null ? "" : t.legalBasis());
            }
            sum.setColumnWidth(0, 70 * 256);
            sum.setColumnWidth(1, 14 * 256);

            Sheet list = wb.createSheet(en ? "Areas" : "Danh sách địa bàn");
            int j = 0;
            text(list.createRow(j++), bold, en ? "Item" : "Nội dung", en ? "Programme year" : "Năm chương trình",
                    en ? "Commune code" : "Mã xã", en ? "Commune" : "Tên xã", en ? "District" : "Huyện", en ? "Details" : "Nội dung chi tiết");
            for (Section s : r.sections()) {
                for (Entry e : s.entries()) {
                    Row row = list.createRow(j++);
                    row.createCell(0).setCellValue(s.part().label(en));
                    row.createCell(1).setCellValue(e.year());
                    text(row, null, 2, e.areaCode(), e.areaName(), e.districtName() == null ? "" : e.districtName(),
                            en ? e.detailEn() : e.detailVi());
                }
            }
            list.createFreezePane(0, 1);
            list.setColumnWidth(0, 45 * 256);
            list.setColumnWidth(3, 28 * 256);
            list.setColumnWidth(5, 80 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "Kết quả công tác chuyển hóa … quý I năm 2018 — Tỉnh Điện Biên (11)". */
    static String subject(ProvinceReport r, boolean en) {
        if (en) return "Transformation of key, complex areas: " + r.period().labelEn().toLowerCase() + " " + r.year() + " — " + r.unit().label();
        String kind = r.period().labelVi().replaceFirst("^Báo cáo ", "");
        return "Kết quả công tác chuyển hóa địa bàn trọng điểm, phức tạp về trật tự, an toàn xã hội "
                + ("năm".equals(kind) ? "" : kind + " ") + "năm " + r.year() + " — " + r.unit().label();
    }

    /** The period's dates, the day the figures are counted to, and the due date. */
    static String period(ProvinceReport r, boolean en) {
        ReportingPeriod p = r.period();
        return en ? "Period " + DAY.format(p.from()) + " – " + DAY.format(p.to()) + "; figures as of " + DAY.format(r.asOf())
                        + "; due before " + DAY.format(p.dueBefore()) + " (calendar of " + r.calendarProfileEn() + ")."
                : "Kỳ báo cáo từ ngày " + DAY.format(p.from()) + " đến hết ngày " + DAY.format(p.to()) + "; số liệu tính đến ngày "
                        + DAY.format(r.asOf()) + "; hạn gửi trước ngày " + DAY.format(p.dueBefore()) + " (lịch báo cáo của "
                        + r.calendarProfileVi() + ").";
    }

    private static Row text(Row row, CellStyle style, String... values) {
        return text(row, style, 0, values);
    }

    private static Row text(Row row, CellStyle style, int from, String... values) {
        for (int k = 0; k < values.length; k++) {
            var c = row.createCell(from + k);
            c.setCellValue(values[k]);
            if (style != null) c.setCellStyle(style);
        }
        return row;
    }
}
