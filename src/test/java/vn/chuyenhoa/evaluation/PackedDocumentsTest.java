package vn.chuyenhoa.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PackedDocumentsTest {

    @Test
    void everyTextComesBackByteForByte() {
        String request = "{\n  \"địaBàn\" : \"Phường Nếnh\",\t\"emoji\":\"🚔\", \"n\": 1.50e0}\r\n";
        String response = "{\"verdict\":\"TRANSFORMED\",\"explanationVi\":\"Tỷ lệ điều tra khám phá: 11/13 = 84,62%\"} ";
        String fired = "";
        PackedDocuments.Texts back = PackedDocuments.unpack(PackedDocuments.pack(request, response, fired));
        assertThat(back.requestJson().getBytes(StandardCharsets.UTF_8)).isEqualTo(request.getBytes(StandardCharsets.UTF_8));
        assertThat(back.responseJson().getBytes(StandardCharsets.UTF_8)).isEqualTo(response.getBytes(StandardCharsets.UTF_8));
        assertThat(back.firedRulesJson()).isEmpty();

        String large = "{\"x\":\"" + "Đường Nguyễn Thị Minh Khai ".repeat(50_000) + "\"}";
        assertThat(PackedDocuments.unpack(PackedDocuments.pack(large, large, large))).isEqualTo(
                new PackedDocuments.Texts(large, large, large));
    }

    /** A rendered document is packed from the bytes sent for it: the same value as from its text. */
    @Test
    void packingTheSentBytesStoresWhatPackingTheTextsStores() {
        String request = "{\"facts\":{\"tipsReceived\":1200}}";
        String response = "{\"explanationVi\":\"Tỷ lệ tái phạm: 3/40 = 7,5% (yêu cầu dưới 15%)\",\"emoji\":\"🚔\"}";
        String fired = "[{\"rule\":\"Rate meets its threshold\"}]";
        byte[] fromBytes = PackedDocuments.pack(request.getBytes(StandardCharsets.UTF_8),
                response.getBytes(StandardCharsets.UTF_8), fired.getBytes(StandardCharsets.UTF_8));
        assertThat(fromBytes).isEqualTo(PackedDocuments.pack(request, response, fired));
        assertThat(PackedDocuments.unpack(fromBytes)).isEqualTo(new PackedDocuments.Texts(request, response, fired));
        // a read of the evaluation returns the document's bytes as sent, with no text made of them
        assertThat(PackedDocuments.response(fromBytes)).isEqualTo(response.getBytes(StandardCharsets.UTF_8));
        byte[] formatOne = HexFormat.of().parseHex("0163606060aaae05926ed53837271018e4471a2c540299c4141d0b00");
        assertThat(PackedDocuments.response(formatOne)).isEqualTo(
                "{\"verdict\":\"TRANSFORMED\",\"labelVi\":\"Tỷ lệ điều tra khám phá\"}".getBytes(StandardCharsets.UTF_8));
    }

    /** Rows stored in format 1 are read with this exact dictionary: it can never change. */
    @Test
    void theDictionaryOfFormatOneIsTheOneRowsWereStoredWith() throws IOException, NoSuchAlgorithmException {
        try (InputStream in = PackedDocuments.class.getResourceAsStream("/evaluation/evaluation-dictionary-1.bin")) {
            byte[] dictionary = in.readAllBytes();
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(dictionary)))
                    .isEqualTo("a3ae5a77babef5ef7915fa1947d169a33c3817fedfa6f3ff06ad1250c80ff40d");
        }
        // a value packed once (by another deflate implementation, zlib at level 6, from the format's description) reads
        // back: what is pinned is the format, not this release's bytes
        assertThat(PackedDocuments.unpack(HexFormat.of().parseHex(
                "0163606060aaae05926ed53837271018e4471a2c540299c4141d0b00"))).isEqualTo(new PackedDocuments.Texts(
                "{}", "{\"verdict\":\"TRANSFORMED\",\"labelVi\":\"Tỷ lệ điều tra khám phá\"}", "[]"));
    }

    @Test
    void newRowsAreWrittenInFormatTwoAndReadBack() {
        String response = "{\"verdict\":\"TRANSFORMED\",\"labelVi\":\"Tỷ lệ điều tra khám phá\"}";
        byte[] packed = PackedDocuments.pack("{}", response, "[]");
        assertThat(packed[0]).isEqualTo((byte) 2);
        // a Zstandard frame (magic number 0xFD2FB528, little-endian) follows the format byte
        assertThat(Arrays.copyOfRange(packed, 1, 5)).isEqualTo(new byte[] {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD});
        // the dictionary does the work: the 86 plain bytes (the texts and their lengths) take fewer than 60
        assertThat(packed.length).isLessThan(60);
        // a value packed once by the zstd command-line tool (1.5.x, level 3, -D evaluation-dictionary-1.bin, no
        // dictionary id), from the format's description: what is pinned is the format, not this release's bytes
        assertThat(PackedDocuments.unpack(HexFormat.of().parseHex(FORMAT_2_FROM_THE_CLI))).isEqualTo(
                new PackedDocuments.Texts("{}", response, "[]"));
    }

    private static final String FORMAT_2_FROM_THE_CLI = "0228b52ffd245645010098000000027b7d000000467b227d000000025b5d050030"
            + "740ca0df316040900650582798da6ff50292f312f5";

    @Test
    void damagedBytesAreRefusedNotMisread() {
        byte[] packed = PackedDocuments.pack("{}", "{\"verdict\":\"TRANSFORMED\"}", "[]");
        assertThatThrownBy(() -> PackedDocuments.unpack(new byte[0])).isInstanceOf(IllegalStateException.class);
        byte[] otherFormat = packed.clone();
        otherFormat[0] = 3;
        assertThatThrownBy(() -> PackedDocuments.unpack(otherFormat)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unknown format 3");
        for (int cut = 1; cut < packed.length; cut++) {
            byte[] shortened = Arrays.copyOf(packed, cut);
            assertThatThrownBy(() -> PackedDocuments.unpack(shortened)).as("cut at %d", cut)
                    .isInstanceOf(IllegalStateException.class);
        }
        // a frame header that claims a gigabyte: refused before anything is allocated for it
        byte[] boastful = HexFormat.of().parseHex("0228b52ffde00000004000000000" + "01000000");
        assertThatThrownBy(() -> PackedDocuments.unpack(boastful)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cut short or damaged");
        byte[] formatOne = HexFormat.of().parseHex("0163606060aaae05926ed53837271018e4471a2c540299c4141d0b00");
        assertThatThrownBy(() -> PackedDocuments.unpack(Arrays.copyOf(formatOne, formatOne.length / 2)))
                .isInstanceOf(IllegalStateException.class);
        // a whole frame whose texts claim more bytes than follow, or fewer than none
        for (int claimed : new int[] {100, -1}) {
            byte[] plain = java.nio.ByteBuffer.allocate(7).putInt(claimed).put("{}x".getBytes(StandardCharsets.UTF_8))
                    .array();
            byte[] frame = com.github.luben.zstd.Zstd.compress(plain);
            byte[] lying = new byte[1 + frame.length];
            lying[0] = 2;
            System.arraycopy(frame, 0, lying, 1, frame.length);
            assertThatThrownBy(() -> PackedDocuments.unpack(lying)).as("claims %d", claimed)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("do not add up");
            assertThatThrownBy(() -> PackedDocuments.response(lying)).as("claims %d", claimed)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("do not add up");
        }
    }
}
