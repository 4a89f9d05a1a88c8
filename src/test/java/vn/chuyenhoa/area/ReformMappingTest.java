package vn.chuyenhoa.area;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bundled 2024→2025 mapping (issue 14, item 1): complete, its six disagreeing rows resolved to the official list. */
class ReformMappingTest {

    private static AreaDirectory areas;

    @BeforeAll
    static void load() {
        areas = AreaDirectory.loadBundled();
    }

    @Test
    void everyOldCommuneGoesSomewhereOnTheOfficialList() {
        int rows = 0, split = 0;
        Set<String> newCodes = new HashSet<>();
        for (AdminUnit old : allOld()) {
            List<Reform.Link> links = areas.reform().successors(old.code());
            assertFalse(links.isEmpty(), old.code() + " has no successor");
            rows += links.size();
            if (links.size() > 1) split++;
            links.forEach(l -> newCodes.add(l.to().code()));
            links.forEach(l -> assertTrue(areas.find(CodeScheme.QD19_2025, l.to().code()).isPresent()));
        }
        assertEquals(10_599, rows);
        assertEquals(460, split);
        // all but the five special zones made of island districts that had no communes in the 2024 list
        Set<String> islands = Set.of("11948", "19742", "20333", "21548", "26732");
        assertEquals(areas.communeCount(CodeScheme.QD19_2025) - islands.size(), newCodes.size());
        islands.forEach(c -> assertFalse(newCodes.contains(c), c));
        islands.forEach(c -> assertEquals("unit_reorganised",
                areas.reform().check(CodeScheme.QD19_2025, c, LocalDate.of(2024, 12, 31)).orElseThrow().code(), c));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"06886, 06978", "06970, 06978", "06973, 06978", "06982, 06978", "06988, 06978", "23938, 23938"})
    void theSixRowsTheSourcesDisagreeOnGoToTheCommuneOfTheOfficialList(String oldCode, String newCode) {
        List<Reform.Link> links = areas.reform().successors(oldCode);
        assertTrue(links.stream().anyMatch(l -> l.to().code().equals(newCode)), links::toString);
        AdminUnit to = areas.find(CodeScheme.QD19_2025, newCode).orElseThrow();
        assertTrue(to.name().equals("Xã Ba Chẽ") || to.name().equals("Xã Ia Mơ"), to::toString);
    }

    @Test
    void theCheckRefusesOnlyAListNotInForceOnThePeriodsLastDay() {
        Reform r = areas.reform();
        assertTrue(r.check(CodeScheme.QD124_2004, "15118", LocalDate.of(2025, 6, 30)).isEmpty());
        assertEquals("unit_reorganised", r.check(CodeScheme.QD124_2004, "15118", LocalDate.of(2025, 7, 1)).orElseThrow().code());
        assertTrue(r.check(CodeScheme.QD19_2025, "15112", LocalDate.of(2025, 7, 1)).isEmpty());
        assertEquals("area.code", r.check(CodeScheme.QD19_2025, "15112", LocalDate.of(2025, 6, 30)).orElseThrow().field());
        assertEquals(Map.of("24", "Tỉnh Bắc Ninh"), r.newProvinces("24"));
        assertEquals(Map.of("52", "Tỉnh Gia Lai"), r.newProvinces("64"));
    }

    @Test
    void aCorrectionThatMatchesNoRowStopsTheLoad() {
        String mapping = String.join(",", UnitMapping.HEADER) + "\n01,001,00001,Phường Phúc Xá,01,00097,Phường Hồng Hà,full\n";
        String corrections = String.join(",", UnitMapping.CORRECTIONS_HEADER) + "\n00001,00098,00097,Phường Hồng Hà,test\n";
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> UnitMapping.read(stream(mapping), UnitMapping.corrections(stream(corrections))));
        assertTrue(e.getMessage().contains("00001"), e::getMessage);
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static List<AdminUnit> allOld() {
        return java.util.stream.IntStream.rangeClosed(0, 99).mapToObj(i -> String.format("%02d", i))
                .flatMap(p -> areas.communesOf(CodeScheme.QD124_2004, p).stream()).toList();
    }
}
