package vn.chuyenhoa.area;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the bundled admin-unit lists. The files are unquoted, comma-separated, UTF-8 with CRLF
 * line ends; a hand-written splitter is enough and keeps start-up fast.
 */
final class AdminUnitCsv {

    static final List<String> HEADER_2024 = List.of("province_code", "province_name", "district_code",
            "district_name", "commune_code", "commune_name", "commune_type");
    static final List<String> HEADER_2025 = List.of("province_code", "province_name", "commune_code",
            "commune_name", "commune_type");

    private AdminUnitCsv() {
    }

    /**
     * Does not close {@code in}: the caller opened it. A bad file fails loudly, because a silently
     * shortened list would turn valid areas into "unknown code" errors.
     */
    static Map<String, AdminUnit> read(InputStream in, CodeScheme scheme) {
        List<String> header = scheme == CodeScheme.QD124_2004 ? HEADER_2024 : HEADER_2025;
        // newDecoder() reports malformed bytes instead of silently substituting U+FFFD in names.
        BufferedReader reader = new BufferedReader(
                new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()));
        Map<String, AdminUnit> units = new HashMap<>(16_384);
        try {
            String line = reader.readLine();
            if (line == null) {
                throw bad(scheme, 1, "empty file");
            }
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (!List.of(line.split(",", -1)).equals(header)) {
                throw bad(scheme, 1, "expected header " + String.join(",", header) + " but found " + line);
            }
            int lineNo = 1;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                AdminUnit unit = parse(line, scheme, header.size(), lineNo);
                if (units.putIfAbsent(unit.code(), unit) != null) {
                    throw bad(scheme, lineNo, "duplicate commune code " + unit.code());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + scheme + " admin-unit list", e);
        }
        return units;
    }

    private static AdminUnit parse(String line, CodeScheme scheme, int columns, int lineNo) {
        String[] f = line.split(",", -1);
        if (f.length != columns) {
            throw bad(scheme, lineNo, "expected " + columns + " columns but found " + f.length);
        }
        for (int i = 0; i < f.length; i++) {
            f[i] = AreaDirectory.trimBlanks(f[i]);
        }
        String provinceCode = f[0];
        String provinceName = f[1];
        String districtCode = null;
        String districtName = null;
        int c = 2;
        if (scheme == CodeScheme.QD124_2004) {
            districtCode = f[2];
            districtName = f[3];
            c = 4;
            require(digits(districtCode, 3), scheme, lineNo, "bad district code " + districtCode);
            require(!districtName.isEmpty(), scheme, lineNo, "empty district name");
        }
        String code = f[c];
        String name = f[c + 1];
        String type = f[c + 2];
        require(digits(provinceCode, 2), scheme, lineNo, "bad province code " + provinceCode);
        require(!provinceName.isEmpty(), scheme, lineNo, "empty province name");
        require(digits(code, 5), scheme, lineNo, "bad commune code " + code);
        require(!name.isEmpty(), scheme, lineNo, "empty commune name");
        require(!type.isEmpty(), scheme, lineNo, "empty commune type");
        return new AdminUnit(scheme, code, name, type, districtCode, districtName, provinceCode, provinceName);
    }

    /** ASCII digits only: Character.isDigit would let other scripts' digits into a code. */
    private static boolean digits(String s, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static void require(boolean ok, CodeScheme scheme, int lineNo, String problem) {
        if (!ok) {
            throw bad(scheme, lineNo, problem);
        }
    }

    private static IllegalArgumentException bad(CodeScheme scheme, int lineNo, String problem) {
        return new IllegalArgumentException(scheme + " admin-unit list, line " + lineNo + ": " + problem);
    }
}
