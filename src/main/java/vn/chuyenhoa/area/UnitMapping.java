package vn.chuyenhoa.area;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the 2024→2025 mapping and its corrections. Like the lists, a bad file fails loudly: a silently shortened
 * mapping would refuse an old code without naming where it went.
 */
final class UnitMapping {

    static final List<String> HEADER = List.of("old_province_code", "old_district_code", "old_commune_code",
            "old_commune_name", "new_province_code", "new_commune_code", "new_commune_name", "part");
    static final List<String> CORRECTIONS_HEADER = List.of("old_commune_code", "source_new_commune_code",
            "new_commune_code", "new_commune_name", "note");

    /** One row: an old commune went wholly ({@code full}) or partly into a new one. */
    record Row(String oldCode, String newCode, boolean whole) {}

    private UnitMapping() {}

    /** The new code a corrected row names instead, by old code, checked against the source's own code. */
    static Map<String, String[]> corrections(InputStream in) {
        Map<String, String[]> out = new HashMap<>();
        for (String[] f : lines(in, CORRECTIONS_HEADER, "corrections")) out.put(f[0], new String[] {f[1], f[2]});
        return out;
    }

    static List<Row> read(InputStream in, Map<String, String[]> corrections) {
        List<Row> rows = new ArrayList<>(10_600);
        Map<String, String[]> unused = new HashMap<>(corrections);
        for (String[] f : lines(in, HEADER, "mapping")) {
            String newCode = f[5];
            String[] fix = corrections.get(f[2]);
            if (fix != null && fix[0].equals(newCode)) {
                newCode = fix[1];
                unused.remove(f[2]);
            }
            if (!f[7].equals("full") && !f[7].equals("partial")) {
                throw new IllegalArgumentException("2024→2025 mapping: part must be full or partial, not " + f[7]);
            }
            rows.add(new Row(f[2], newCode, f[7].equals("full")));
        }
        if (!unused.isEmpty()) {
            // a correction that matches nothing means the mapping changed under it: check it again by hand
            throw new IllegalArgumentException("2024→2025 mapping corrections match no row: " + unused.keySet());
        }
        return rows;
    }

    private static List<String[]> lines(InputStream in, List<String> header, String what) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()));
        List<String[]> out = new ArrayList<>();
        try {
            String line = reader.readLine();
            if (line != null && line.startsWith("\uFEFF")) line = line.substring(1);
            if (line == null || !List.of(line.split(",", -1)).equals(header)) {
                throw new IllegalArgumentException("2024→2025 " + what + ": expected header " + String.join(",", header));
            }
            int no = 1;
            while ((line = reader.readLine()) != null) {
                no++;
                if (line.isEmpty()) continue;
                String[] f = line.split(",", -1);
                if (f.length != header.size()) {
                    throw new IllegalArgumentException("2024→2025 " + what + ", line " + no + ": expected " + header.size()
                            + " columns but found " + f.length);
                }
                for (int i = 0; i < f.length; i++) f[i] = AreaDirectory.trimBlanks(f[i]);
                out.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the 2024→2025 " + what, e);
        }
        return out;
    }
}
