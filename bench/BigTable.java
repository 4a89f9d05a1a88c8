import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;

import org.apache.poi.ss.usermodel.*;

/**
 * Benchmark input, not product code: writes a copy of profiles.drl.xlsx with {@code extra} commune-level profiles
 * added (10 threshold rows each, so 200 profiles make 2,000 rows) and a variant note in LAM_DONG_2022's
 * SERIOUS_CLEARANCE_RATE legal-basis cell, so that every upload is a new version. With extra = 0 and a threshold
 * argument it is the one-cell edit of the shipped table (LAM_DONG_2022 SERIOUS_CLEARANCE_RATE, Thresholds!C47).
 *
 * java -cp <classpath> bench/BigTable.java <shipped profiles.drl.xlsx> <out> <extra profiles> <variant>
 */
public class BigTable {
    public static void main(String[] a) throws Exception {
        Path in = Path.of(a[0]), out = Path.of(a[1]);
        int extra = Integer.parseInt(a[2]);
        String variant = a[3];
        List<String[]> communes = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(Path.of("src/main/resources/area/admin-units-2024.csv"), StandardCharsets.UTF_8)) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null && communes.size() < extra) {
                String[] f = line.strip().split(",");
                if (List.of("01", "11", "24", "38", "68").contains(f[0])) continue; // provinces with their own profiles or used by the staff tests and the demo
                communes.add(new String[]{f[0], f[2], f[4], f[5]});
            }
        }
        String[][] core = {{"TIPS_RESOLVED", "100"}, {"POLITICAL_SYSTEM", "true"}, {"SELF_MANAGEMENT_MODEL", "1"},
            {"HOUSEHOLDS_INFORMED", "100"}, {"NO_ORGANIZED_CRIME", "false"}, {"CLEARANCE_RATE", "80"},
            {"SERIOUS_CLEARANCE_RATE", "95"}, {"RECIDIVISM", "15"}, {"COMMUNITY_RULES", "true"}, {"CRIME_REDUCTION", "10"}};
        try (InputStream is = Files.newInputStream(in); Workbook wb = WorkbookFactory.create(is)) {
            Sheet profiles = wb.getSheet("Profiles"), thresholds = wb.getSheet("Thresholds");
            set(thresholds, 46, 4, "Lâm Đồng 2023 (" + variant + ")");
            int pr = profiles.getLastRowNum() + 1, tr = thresholds.getLastRowNum() + 1;
            for (int i = 0; i < communes.size(); i++) {
                String[] c = communes.get(i);
                String id = "BENCH_" + c[2];
                String[] row = {id, "Kế hoạch mẫu " + c[3], "Sample plan " + c[3], "QD124_2004", c[0], c[1], c[2], "2024-01-01", "2024-12-31", "benchmark"};
                for (int k = 0; k < row.length; k++) set(profiles, pr, k, row[k]);
                pr++;
                for (String[] t : core) {
                    String[] th = {id, t[0], t[1], t[0].equals("CRIME_REDUCTION") ? "crimes" : "", "benchmark"};
                    for (int k = 0; k < th.length; k++) if (!th[k].isEmpty()) set(thresholds, tr, k, th[k]);
                    tr++;
                }
            }
            Files.createDirectories(out.getParent());
            try (OutputStream os = Files.newOutputStream(out)) { wb.write(os); }
            System.out.println(out + ": " + communes.size() + " extra profiles, " + (thresholds.getLastRowNum() - 8) + " threshold rows");
        }
    }

    static void set(Sheet s, int r, int c, String v) {
        Row row = s.getRow(r) == null ? s.createRow(r) : s.getRow(r);
        row.createCell(c, CellType.STRING).setCellValue(v);
    }
}
