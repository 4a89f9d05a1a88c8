package vn.chuyenhoa.document;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.draw.LineSeparator;

/**
 * A document in the format of Nghị định 30/2020/NĐ-CP (Phụ lục I): the issuing body and its number top left, the
 * national title and motto top right with the place and date under them, the title, the body, then the recipients
 * bottom left and the signature block bottom right; pages numbered at the top centre from the second page. The number
 * and the date are left for the office to fill when the document is issued.
 *
 * <p>The text is DejaVu Sans (bundled under fonts/, with every Vietnamese glyph) rather than the decree's Times New
 * Roman, which cannot be shipped; every line is set at 1.5 times its size, because a Vietnamese letter can carry two
 * marks stacked above it (ệ, ở, ẫ) and a tighter leading lets them touch the line above.
 */
public final class OfficialDocument {

    /** Leading as a multiple of the font size: keeps stacked diacritics of two lines apart. */
    private static final float LEADING = 1.5f;
    private static final float MM = 72f / 25.4f;
    private static final String NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    private static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";
    private static final byte[] REGULAR = font("fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = font("fonts/DejaVuSans-Bold.ttf");

    /**
     * @param parentBody  the body above the issuer ("UBND TỈNH ĐIỆN BIÊN"), or null
     * @param issuingBody the issuer ("BAN CHỈ ĐẠO 138 TỈNH ĐIỆN BIÊN")
     * @param symbol      the document's symbol after the number ("BC-BCĐ"): the number itself is left to fill
     * @param place       the place name of the date line ("Điện Biên")
     */
    public record Letterhead(String parentBody, String issuingBody, String symbol, String place) {

        /**
         * The steering committee for crime prevention (Ban Chỉ đạo 138) of a province, or of one of its districts
         * under the district's People's Committee; the place is the unit's name without its type.
         *
         * @param provinceName as the code list writes it ("Tỉnh Điện Biên")
         * @param districtName as the code list writes it ("Thành phố Điện Biên Phủ"), or null for the province's
         */
        public static Letterhead steeringCommittee(String provinceName, String districtName, String symbol) {
            String unit = districtName == null ? provinceName : districtName;
            return new Letterhead(districtName == null ? null : "UBND " + districtName, "BAN CHỈ ĐẠO 138 " + unit, symbol,
                    placeName(unit));
        }

        /** "Tỉnh Điện Biên" → "Điện Biên", "Thị xã Việt Yên" → "Việt Yên". */
        static String placeName(String unit) {
            for (String type : List.of("Thành phố ", "Tỉnh ", "Thị xã ", "Huyện ", "Quận ")) {
                if (unit.startsWith(type)) return unit.substring(type.length());
            }
            return unit;
        }
    }

    /**
     * @param authority "TM. BAN CHỈ ĐẠO" (signing for the body), or null when the holder signs in their own name
     * @param position  "TRƯỞNG BAN"
     */
    public record Signature(String authority, String position) {}

    /** A table of the body: column widths (relative), header cells and rows of text. */
    public record Table(float[] widths, List<String> header, List<List<String>> rows) {}

    private sealed interface Part permits Heading, Text, Line, Grid, Small {}
    private record Heading(String text) implements Part {}
    private record Text(String text) implements Part {}
    private record Line(String label, String value) implements Part {}
    private record Grid(Table table) implements Part {}
    private record Small(String text) implements Part {}

    private final Letterhead head;
    private final boolean landscape;
    private String kind;
    private String subject;
    private final List<Part> parts = new ArrayList<>();
    private List<String> recipients = List.of();
    private Signature signature;

    private OfficialDocument(Letterhead head, boolean landscape) {
        this.head = head;
        this.landscape = landscape;
    }

    public static OfficialDocument of(Letterhead head, boolean landscape) {
        return new OfficialDocument(head, landscape);
    }

    /** The title: the kind of document in capitals ("BÁO CÁO") and what it is about under it. */
    public OfficialDocument title(String kind, String subject) {
        this.kind = kind;
        this.subject = subject;
        return this;
    }

    public OfficialDocument heading(String text) {
        parts.add(new Heading(text));
        return this;
    }

    public OfficialDocument paragraph(String text) {
        parts.add(new Text(text));
        return this;
    }

    /** A labelled line: "label: value", the label bold. */
    public OfficialDocument line(String label, String value) {
        parts.add(new Line(label, value));
        return this;
    }

    public OfficialDocument table(Table table) {
        parts.add(new Grid(table));
        return this;
    }

    /** A note in small type (sources, how the figures were counted). */
    public OfficialDocument note(String text) {
        parts.add(new Small(text));
        return this;
    }

    /** The "Nơi nhận" list, each item as it is to be printed ("Ban Chỉ đạo 138 Bộ Công an (để b/c)"). */
    public OfficialDocument recipients(List<String> recipients) {
        this.recipients = List.copyOf(recipients);
        return this;
    }

    public OfficialDocument signature(Signature signature) {
        this.signature = signature;
        return this;
    }

    public byte[] render() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Fonts f = new Fonts();
            Rectangle size = landscape ? PageSize.A4.rotate() : PageSize.A4;
            // the decree's margins: top and bottom 20 mm, left 30 mm (binding), right 15 mm
            Document doc = new Document(size, 30 * MM, 15 * MM, 20 * MM, 20 * MM);
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPageEvent(new PageNumbers(f.regular(11)));
            if (subject != null) doc.addTitle(kind + " " + subject);
            doc.open();
            doc.add(letterhead(f));
            if (kind != null) {
                doc.add(centred(kind, f.bold(13), 14));
                if (subject != null) doc.add(centred(subject, f.bold(12), 0));
                doc.add(rule(25, 6));
            }
            for (Part p : parts) doc.add(element(p, f));
            doc.add(closing(f));
            doc.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PdfPTable letterhead(Fonts f) {
        PdfPTable t = new PdfPTable(new float[] {45, 55});
        t.setWidthPercentage(100);
        PdfPCell left = plain();
        if (head.parentBody() != null) left.addElement(centred(head.parentBody().toUpperCase(java.util.Locale.ROOT), f.regular(9.5f), 0));
        left.addElement(centred(head.issuingBody().toUpperCase(java.util.Locale.ROOT), f.bold(9.5f), 0));
        left.addElement(rule(35, 1));
        left.addElement(centred("Số:        /" + head.symbol(), f.regular(11), 4));
        t.addCell(left);
        PdfPCell right = plain();
        right.addElement(centred(NATIONAL_TITLE, f.bold(9.5f), 0));
        right.addElement(centred(MOTTO, new Font(f.baseBold, 11, Font.UNDERLINE), 0));
        right.addElement(centred(head.place() + ", ngày     tháng     năm 20   ", new Font(f.base, 11, Font.ITALIC), 12));
        t.addCell(right);
        t.setSpacingAfter(10);
        return t;
    }

    private Element element(Part p, Fonts f) {
        if (p instanceof Heading h) {
            Paragraph para = para(h.text(), f.bold(12));
            para.setSpacingBefore(8);
            return para;
        }
        if (p instanceof Text x) {
            Paragraph para = para(x.text(), f.regular(11));
            // first line indented 1 cm as the decree asks; left-aligned, since justifying spreads the letters of a
            // line whose words are long Vietnamese syllable groups
            para.setFirstLineIndent(1 * 72f / 2.54f);
            return para;
        }
        if (p instanceof Line l) {
            Paragraph para = new Paragraph();
            para.setLeading(0, LEADING);
            para.add(new Chunk(l.label() + ": ", f.bold(11)));
            para.add(new Chunk(l.value(), f.regular(11)));
            return para;
        }
        if (p instanceof Small s) {
            Paragraph para = para(s.text(), f.regular(8.5f));
            para.setSpacingBefore(4);
            return para;
        }
        return grid(((Grid) p).table(), f);
    }

    private static PdfPTable grid(Table table, Fonts f) {
        PdfPTable t = new PdfPTable(table.widths());
        t.setWidthPercentage(100);
        t.setSpacingBefore(4);
        t.setSpacingAfter(4);
        t.setHeaderRows(1);
        for (String h : table.header()) {
            PdfPCell c = cell(h, f.bold(9));
            c.setBackgroundColor(new Color(235, 235, 235));
            t.addCell(c);
        }
        for (List<String> row : table.rows()) {
            for (String v : row) t.addCell(cell(v, f.regular(9)));
        }
        return t;
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell c = new PdfPCell(new Phrase(text == null ? "" : text, font));
        c.setLeading(0, LEADING);
        c.setPaddingTop(1);
        c.setPaddingBottom(4);
        return c;
    }

    /** Recipients bottom left, the signature bottom right, kept on one page together. */
    private PdfPTable closing(Fonts f) {
        PdfPTable t = new PdfPTable(new float[] {50, 50});
        t.setWidthPercentage(100);
        t.setSpacingBefore(14);
        t.setKeepTogether(true);
        PdfPCell left = plain();
        Paragraph title = new Paragraph("Nơi nhận:", new Font(f.baseBold, 11, Font.ITALIC));
        title.setLeading(0, LEADING);
        left.addElement(title);
        for (int i = 0; i < recipients.size(); i++) {
            Paragraph r = para("- " + recipients.get(i) + (i == recipients.size() - 1 ? "." : ";"), f.regular(9));
            r.setLeading(0, 1.35f);
            left.addElement(r);
        }
        t.addCell(left);
        PdfPCell right = plain();
        if (signature != null) {
            if (signature.authority() != null) right.addElement(centred(signature.authority(), f.bold(11), 0));
            right.addElement(centred(signature.position(), f.bold(11), 0));
            right.addElement(centred("(Ký tên, đóng dấu)", new Font(f.base, 9, Font.ITALIC), 0));
        }
        t.addCell(right);
        return t;
    }

    private static PdfPCell plain() {
        PdfPCell c = new PdfPCell();
        c.setBorder(Rectangle.NO_BORDER);
        c.setPadding(0);
        return c;
    }

    private static Paragraph para(String text, Font font) {
        Paragraph p = new Paragraph(text, font);
        p.setLeading(0, LEADING);
        return p;
    }

    private static Paragraph centred(String text, Font font, float spacingBefore) {
        Paragraph p = para(text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingBefore(spacingBefore);
        return p;
    }

    /** The short line the decree draws under the issuer and under the title. */
    private static Paragraph rule(float percent, float spacingAfter) {
        Paragraph p = new Paragraph();
        p.add(new Chunk(new LineSeparator(0.6f, percent, Color.BLACK, Element.ALIGN_CENTER, 0)));
        p.setSpacingAfter(spacingAfter);
        return p;
    }

    /** The page number at the top centre, from the second page on (Phụ lục I: the first page shows none). */
    private static final class PageNumbers extends PdfPageEventHelper {
        private final Font font;

        PageNumbers(Font font) {
            this.font = font;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            int n = writer.getPageNumber();
            if (n < 2) return;
            float x = (document.left() + document.right()) / 2;
            float y = document.top() + 8 * MM;
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER, new Phrase(String.valueOf(n), font), x, y, 0);
        }
    }

    private static final class Fonts {
        final BaseFont base;
        final BaseFont baseBold;

        Fonts() throws IOException {
            base = BaseFont.createFont("DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, REGULAR, null);
            baseBold = BaseFont.createFont("DejaVuSans-Bold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, BOLD, null);
        }

        Font regular(float size) {
            return new Font(base, size);
        }

        Font bold(float size) {
            return new Font(baseBold, size);
        }
    }

    private static byte[] font(String resource) {
        try (InputStream in = OfficialDocument.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing bundled font " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
