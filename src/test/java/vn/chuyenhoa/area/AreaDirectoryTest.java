package vn.chuyenhoa.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AreaDirectoryTest {

    private static AreaDirectory directory;

    @BeforeAll
    static void loadTheBundledLists() {
        directory = AreaDirectory.loadBundled();
    }

    private static AdminUnit unit(CodeScheme scheme, String code) {
        return directory.find(scheme, code)
                .orElseThrow(() -> new AssertionError(scheme + " " + code + " should be in the bundled list"));
    }

    private static boolean matches(CodeScheme scheme, String code, String givenName) {
        return directory.nameMatches(unit(scheme, code), givenName);
    }

    @Nested
    class Counts {

        @Test
        void theOldSchemeHasEveryCommuneOfTheMarch2025List() {
            assertThat(directory.communeCount(CodeScheme.QD124_2004)).isEqualTo(10_047);
        }

        @Test
        void theNewSchemeHasEveryCommuneOfQd19() {
            assertThat(directory.communeCount(CodeScheme.QD19_2025)).isEqualTo(3_321);
        }

        @Test
        void everyProvinceIsNamedAsItsCommunesNameIt() {
            int provinces = 0;
            for (CodeScheme scheme : CodeScheme.values()) {
                for (int i = 0; i < 100; i++) {
                    String code = String.format("%02d", i);
                    var communes = directory.communesOf(scheme, code);
                    assertThat(directory.provinceName(scheme, code))
                            .isEqualTo(communes.stream().findFirst().map(AdminUnit::provinceName));
                    assertThat(directory.provinceLabel(scheme.name(), code)).isEqualTo(communes.isEmpty()
                            ? scheme.name() + ":" + code : communes.get(0).provinceName() + " (" + code + ")");
                    if (!communes.isEmpty()) provinces++;
                }
            }
            assertThat(provinces).isEqualTo(63 + 34);
        }
    }

    @Nested
    class SeedAreas {

        @Test
        void phuongNenhIsInVietYenBacGiang() {
            assertThat(unit(CodeScheme.QD124_2004, "07795")).isEqualTo(new AdminUnit(CodeScheme.QD124_2004,
                    "07795", "Phường Nếnh", "Phường", "222", "Thị Xã Việt Yên", "24", "Tỉnh Bắc Giang"));
        }

        @Test
        void thiTranNgocLacKeepsTheSpellingOfTheList() {
            assertThat(unit(CodeScheme.QD124_2004, "15061")).isEqualTo(new AdminUnit(CodeScheme.QD124_2004,
                    "15061", "Thị Trấn Ngọc Lặc", "Thị trấn", "389", "Huyện Ngọc Lặc", "38", "Tỉnh Thanh Hóa"));
        }

        @ParameterizedTest
        @CsvSource({
                "15061, Thị trấn Ngọc Lặc",
                "15118, Xã Kiên Thọ",
                "15115, Xã Nguyệt Ấn"})
        void ngocLacSeedsAreInDistrict389OfThanhHoa(String code, String name) {
            AdminUnit unit = unit(CodeScheme.QD124_2004, code);
            assertThat(unit.districtCode()).isEqualTo("389");
            assertThat(unit.provinceCode()).isEqualTo("38");
            assertThat(directory.nameMatches(unit, name)).isTrue();
        }

        @Test
        void phuongNenhMatchesItsName() {
            assertThat(matches(CodeScheme.QD124_2004, "07795", "Phường Nếnh")).isTrue();
        }
    }

    @Nested
    class Schemes {

        @Test
        void codeReusedByThe2025ReformNamesDifferentUnits() {
            AdminUnit before = unit(CodeScheme.QD124_2004, "00097");
            AdminUnit after = unit(CodeScheme.QD19_2025, "00097");
            assertThat(before.name()).isEqualTo("Phường Tứ Liên");
            assertThat(after.name()).isEqualTo("Phường Hồng Hà");
            assertThat(directory.nameMatches(before, "Phường Hồng Hà")).isFalse();
            assertThat(directory.nameMatches(after, "Phường Tứ Liên")).isFalse();
        }

        @Test
        void theNewSchemeHasNoDistricts() {
            AdminUnit after = unit(CodeScheme.QD19_2025, "00097");
            assertThat(after.districtCode()).isNull();
            assertThat(after.districtName()).isNull();
            assertThat(after.provinceCode()).isEqualTo("01");
            assertThat(after.provinceName()).isEqualTo("Thành phố Hà Nội");
            assertThat(after.type()).isEqualTo("Phường");
        }

        @Test
        void aCodeOnlyInOneSchemeIsUnknownInTheOther() {
            // 00001 (Phường Phúc Xá) was merged away in 2025; 06978 (Xã Ba Chẽ) was first coded then.
            assertThat(directory.find(CodeScheme.QD124_2004, "00001")).isPresent();
            assertThat(directory.find(CodeScheme.QD19_2025, "00001")).isEmpty();
            assertThat(directory.find(CodeScheme.QD19_2025, "06978")).isPresent();
            assertThat(directory.find(CodeScheme.QD124_2004, "06978")).isEmpty();
        }

        @Test
        void aSeedCodeKeptIn2025NamesTheUnitOfThatScheme() {
            // 15061 became a commune: the old township name does not name it in QD19_2025.
            AdminUnit after = unit(CodeScheme.QD19_2025, "15061");
            assertThat(after.name()).isEqualTo("Xã Ngọc Lặc");
            assertThat(directory.nameMatches(after, "Thị trấn Ngọc Lặc")).isFalse();
            assertThat(directory.nameMatches(after, "Xã Ngọc Lặc")).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"QD124_2004", "QD19_2025"})
        void parseAcceptsTheExactNames(String name) {
            assertThat(CodeScheme.parse(name)).hasValueSatisfying(s -> assertThat(s.name()).isEqualTo(name));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"qd124_2004", "QD19_2025 ", "QD124", "QD19-2025"})
        void parseRefusesAnythingElse(String name) {
            assertThat(CodeScheme.parse(name)).isEmpty();
        }
    }

    @Nested
    class UnknownCodes {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"99999", "7795", "007795", " 07795", "07795 ", "0779A"})
        void areNotFound(String code) {
            assertThat(directory.find(CodeScheme.QD124_2004, code)).isEmpty();
        }

        @Test
        void aNullSchemeFindsNothing() {
            assertThat(directory.find(null, "07795")).isEmpty();
        }
    }

    @Nested
    class StoredNames {

        @Test
        void trailingBlanksOfTheSourceAreTrimmed() {
            // The 2024 list writes "Xã Ngư Thủy " with a trailing blank.
            assertThat(unit(CodeScheme.QD124_2004, "19306").name()).isEqualTo("Xã Ngư Thủy");
            assertThat(matches(CodeScheme.QD124_2004, "19306", "Xã Ngư Thủy")).isTrue();
        }

        @Test
        void leadingZerosOfCodesAreKept() {
            AdminUnit unit = unit(CodeScheme.QD124_2004, "00001");
            assertThat(unit.code()).isEqualTo("00001");
            assertThat(unit.districtCode()).isEqualTo("001");
            assertThat(unit.provinceCode()).isEqualTo("01");
        }
    }

    @Nested
    class NameMatching {

        @ParameterizedTest
        @ValueSource(strings = {"phường nếnh", "PHƯỜNG NẾNH", "pHƯỜNG nẾNH"})
        void ignoresLetterCase(String given) {
            assertThat(matches(CodeScheme.QD124_2004, "07795", given)).isTrue();
        }

        @Test
        void foldsTheCapitalD() {
            // Xã Đàm Thuỷ: Đ must fold to đ like any other capital.
            assertThat(matches(CodeScheme.QD124_2004, "01495", "XÃ ĐÀM THUỶ")).isTrue();
            assertThat(matches(CodeScheme.QD124_2004, "01495", "xã đàm thuỷ")).isTrue();
        }

        @Test
        void thiTranWithACapitalTMatchesTheUsualSpelling() {
            assertThat(matches(CodeScheme.QD124_2004, "15061", "Thị trấn Ngọc Lặc")).isTrue();
        }

        @Test
        void decomposedInputMatchesComposedStoredName() {
            String nfd = Normalizer.normalize("Xã Nguyệt Ấn", Normalizer.Form.NFD);
            assertThat(nfd).isNotEqualTo("Xã Nguyệt Ấn");
            assertThat(matches(CodeScheme.QD124_2004, "15115", nfd)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "  Phường Nếnh  ",
                "\tPhường Nếnh\n",
                "\u00A0Phường Nếnh\u00A0",
                "\u3000Phường Nếnh\u2003",
                "Phường   Nếnh",
                "Phường\u00A0Nếnh"})
        void ignoresSurroundingBlanksAndCollapsesInnerOnes(String given) {
            assertThat(matches(CodeScheme.QD124_2004, "07795", given)).isTrue();
        }

        @Test
        void aBlankInsideAWordStillMatters() {
            assertThat(matches(CodeScheme.QD124_2004, "07795", "Phường Nế nh")).isFalse();
            assertThat(matches(CodeScheme.QD124_2004, "07795", "PhườngNếnh")).isFalse();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\u00A0\u3000"})
        void aMissingNameNeverMatches(String given) {
            assertThat(matches(CodeScheme.QD124_2004, "07795", given)).isFalse();
        }

        @Test
        void aBlankNameDoesNotMatchEvenAUnitWhoseNameIsBlank() {
            // Only a hand-built unit can have a blank name, but "never a match" must still hold.
            AdminUnit blank = new AdminUnit(CodeScheme.QD19_2025, "00000", "\u00A0", "Xã", null, null, "01", "x");
            assertThat(directory.nameMatches(blank, " ")).isFalse();
        }

        @Test
        void newTonePlacementMatchesAnOldPlacementInTheList() {
            // Both lists write "Phường Yên Hoà" (old placement).
            assertThat(unit(CodeScheme.QD124_2004, "00172").name()).isEqualTo("Phường Yên Hoà");
            assertThat(matches(CodeScheme.QD124_2004, "00172", "Phường Yên Hòa")).isTrue();
            assertThat(matches(CodeScheme.QD19_2025, "00175", "Phường Yên Hòa")).isTrue();
            assertThat(matches(CodeScheme.QD124_2004, "01495", "Xã Đàm Thủy")).isTrue();
        }

        @Test
        void oldTonePlacementMatchesANewPlacementInTheList() {
            // The 2024 list writes "Xã Thái Hòa" and "Xã Thanh Thủy" (new placement).
            assertThat(unit(CodeScheme.QD124_2004, "09652").name()).isEqualTo("Xã Thái Hòa");
            assertThat(matches(CodeScheme.QD124_2004, "09652", "Xã Thái Hoà")).isTrue();
            assertThat(matches(CodeScheme.QD124_2004, "00928", "Xã Thanh Thuỷ")).isTrue();
        }

        @Test
        void tonePlacementIsEquivalentInCanonicalForm() {
            assertThat(AreaDirectory.canonicalName("Khoẻ")).isEqualTo(AreaDirectory.canonicalName("Khỏe"));
            assertThat(AreaDirectory.canonicalName("Thuỷ")).isEqualTo(AreaDirectory.canonicalName("Thủy"));
            assertThat(AreaDirectory.canonicalName("Hoà")).isEqualTo(AreaDirectory.canonicalName("Hòa"));
        }

        @Test
        void canonicalFormIsComposed() {
            String canonical = AreaDirectory.canonicalName(" Xã  NGUYỆT Ấn ");
            assertThat(Normalizer.isNormalized(canonical, Normalizer.Form.NFC)).isTrue();
            assertThat(canonical).startsWith("xã ").doesNotContain("  ");
        }

        @ParameterizedTest
        @CsvSource({
                "00172, Phường Yên Hóa",     // acute instead of grave
                "00172, Phường Yên Hoá",
                "09652, Xã Thái Hoa",        // tone dropped
                "15118, Xã Kiên Thỏ",        // hook instead of dot below
                "15061, Thị trấn Ngọc Lắc"}) // acute instead of dot below
        void aDifferentToneDoesNotMatch(String code, String given) {
            assertThat(matches(CodeScheme.QD124_2004, code, given)).isFalse();
        }

        @ParameterizedTest
        @CsvSource({
                "07795, Nếnh",
                "15061, Ngọc Lặc",
                "15118, Kiên Thọ",
                "07795, Xã Nếnh",            // wrong type prefix
                "15061, Xã Ngọc Lặc"})
        void theTypePrefixIsRequired(String code, String given) {
            assertThat(matches(CodeScheme.QD124_2004, code, given)).isFalse();
        }

        @ParameterizedTest
        @CsvSource({
                "15115, Xã Nguyệt Án",       // circumflex missing on Ấ
                "15115, Xã Nguyẹt Ấn",       // circumflex missing on ệ
                "07795, Phường Nénh",        // circumflex missing on ế
                "00097, Phường Tú Liên",     // horn missing on ư
                "07795, Phuờng Nếnh",        // horn missing on ư
                "15061, Thị trấn Ngọc Lạc",  // breve missing on ặ
                "01495, Xã Dàm Thuỷ"})       // đ written as d
        void otherDiacriticsStillMatter(String code, String given) {
            assertThat(matches(CodeScheme.QD124_2004, code, given)).isFalse();
        }
    }

    @Nested
    class Loading {

        private static final String HEADER_2024 =
                "province_code,province_name,district_code,district_name,commune_code,commune_name,commune_type\r\n";
        private static final String HEADER_2025 = "province_code,province_name,commune_code,commune_name,commune_type\r\n";

        private InputStream utf8(String s) {
            return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void readsSmallListsFromStreams() {
            AreaDirectory small = AreaDirectory.load(
                    utf8("\uFEFF" + HEADER_2024 + "24,Tỉnh Bắc Giang,222,Thị Xã Việt Yên,07795,Phường Nếnh ,Phường\r\n"),
                    utf8(HEADER_2025 + "01,Thành phố Hà Nội,00097,Phường Hồng Hà,Phường\n"));
            assertThat(small.communeCount(CodeScheme.QD124_2004)).isEqualTo(1);
            assertThat(small.communeCount(CodeScheme.QD19_2025)).isEqualTo(1);
            assertThat(small.find(CodeScheme.QD124_2004, "07795")).map(AdminUnit::name).hasValue("Phường Nếnh");
            assertThat(small.find(CodeScheme.QD19_2025, "00097")).map(AdminUnit::districtCode).isEmpty();
        }

        @Test
        void refusesADuplicateCode() {
            String row = "01,Thành phố Hà Nội,00097,Phường Hồng Hà,Phường\r\n";
            assertThatThrownBy(() -> AreaDirectory.load(utf8(HEADER_2024), utf8(HEADER_2025 + row + row)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("duplicate").hasMessageContaining("00097");
        }

        @Test
        void refusesTheFilesInTheWrongOrder() {
            assertThatThrownBy(() -> AreaDirectory.load(utf8(HEADER_2025), utf8(HEADER_2024)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("header");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "01,Thành phố Hà Nội,00097,Phường Hồng Hà\r\n",          // column missing
                "01,Thành phố Hà Nội,97,Phường Hồng Hà,Phường\r\n",      // leading zeros lost
                "1,Thành phố Hà Nội,00097,Phường Hồng Hà,Phường\r\n",
                "01,Thành phố Hà Nội,00097, ,Phường\r\n"})               // blank name
        void refusesMalformedRows(String row) {
            assertThatThrownBy(() -> AreaDirectory.load(utf8(HEADER_2024), utf8(HEADER_2025 + row)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("line 2");
        }

        @Test
        void refusesBytesThatAreNotUtf8() {
            byte[] latin1 = (HEADER_2025 + "01,Thành phố Hà Nội,00097,Phường Hồng Hà,Phường\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            assertThatThrownBy(() -> AreaDirectory.load(utf8(HEADER_2024), new ByteArrayInputStream(latin1)))
                    .isInstanceOf(UncheckedIOException.class);
        }
    }
}
