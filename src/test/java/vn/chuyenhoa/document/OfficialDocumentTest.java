package vn.chuyenhoa.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.TreeSet;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/**
 * The layout alone, read back with PDFBox: the decree's parts in their places, and lines of Vietnamese with stacked
 * marks set far enough apart that a mark never reaches the line above.
 */
class OfficialDocumentTest {

    static final String STACKED = "Nguyễn Thị Hường, Ệ Ở Ẫ Ộ ở phường Mường Thanh, tỉnh Điện Biên; ";

    @Test
    void stackedMarksKeepTheirLinesApart() throws IOException {
        byte[] pdf = OfficialDocument.of(OfficialDocument.Letterhead.steeringCommittee("Tỉnh Điện Biên", null, "BC-BCĐ"), false)
                .title("BÁO CÁO", "Thử").paragraph(STACKED.repeat(8)).recipients(List.of("Lưu: VT"))
                .signature(new OfficialDocument.Signature(null, "TRƯỞNG BAN")).render();
        TreeSet<Float> baselines = new TreeSet<>();
        float[] size = {0};
        try (PDDocument d = Loader.loadPDF(pdf)) {
            PDFTextStripper s = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    if (text.contains("Hường")) {
                        for (TextPosition p : positions) {
                            baselines.add((float) Math.round(p.getYDirAdj() * 10) / 10);
                            size[0] = p.getFontSizeInPt();
                        }
                    }
                    super.writeString(text, positions);
                }
            };
            String t = s.getText(d).replaceAll("\\s+", " ");
            assertTrue(t.contains("Nguyễn Thị Hường, Ệ Ở Ẫ Ộ"), "marks intact: " + t);
            assertTrue(t.contains("BAN CHỈ ĐẠO 138 TỈNH ĐIỆN BIÊN") && t.contains("Điện Biên, ngày"), t);
        }
        assertTrue(baselines.size() >= 4, "the paragraph wraps: " + baselines);
        Float previous = null;
        for (Float y : baselines) {
            if (previous != null) {
                // DejaVu's Ệ reaches about 1.25 em above its baseline and a g 0.24 em below: 1.5 em keeps them apart
                assertTrue(y - previous >= 1.5f * size[0] - 0.5f,
                        "lines " + previous + " and " + y + " are closer than 1.5 × " + size[0] + " pt");
            }
            previous = y;
        }
    }

    @Test
    void thePlaceIsTheUnitsNameWithoutItsType() {
        assertEquals("Điện Biên", OfficialDocument.Letterhead.steeringCommittee("Tỉnh Điện Biên", null, "BC-BCĐ").place());
        assertEquals("Hồ Chí Minh", OfficialDocument.Letterhead.steeringCommittee("Thành phố Hồ Chí Minh", null, "BC-BCĐ").place());
        OfficialDocument.Letterhead district = OfficialDocument.Letterhead.steeringCommittee("Tỉnh Bắc Giang", "Thị xã Việt Yên", "BC-BCĐ");
        assertEquals("Việt Yên", district.place());
        assertEquals("BAN CHỈ ĐẠO 138 Thị xã Việt Yên", district.issuingBody());
        assertEquals("UBND Thị xã Việt Yên", district.parentBody());
    }
}
