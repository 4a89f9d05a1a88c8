package vn.chuyenhoa.bench;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import tools.jackson.databind.json.JsonMapper;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.ruleset.RuleFile;
import vn.chuyenhoa.ruleset.RuleFiles;
import vn.chuyenhoa.ruleset.RulesetValidator;

/**
 * Bounded cost of a hostile upload (issue 10): the shipped profiles workbook with {@code rows} threshold rows appended
 * (200,000 by default) is checked as an upload on top of the shipped files, with the service's default limits
 * (5,000 data rows per table, 200 problems listed). Prints the file size, the wall time of the check, the growth of the
 * heap's peak over the heap in use before, and the size of the report a caller would get.
 *
 * bench/run.sh big [rows]
 */
public final class BigUpload {

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Path root = Path.of(System.getProperty("bench.root", ".."));
        List<RuleFile> base = RuleFiles.read(root, List.of("rules", "decision-tables"));
        byte[] big = workbook(root.resolve("decision-tables/profiles.drl.xlsx"), rows);
        List<RuleFile> files = new ArrayList<>();
        for (RuleFile f : base) files.add(f.path().equals("decision-tables/profiles.drl.xlsx") ? new RuleFile(f.path(), big) : f);
        RulesetValidator validator = new RulesetValidator(AreaDirectory.loadBundled(), 5_242_880, 5000, 200);

        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long t0 = System.nanoTime();
        RulesetValidator.Prechecked result = validator.precheck(files, base);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        byte[] report = JsonMapper.builder().build().writeValueAsBytes(result.report());

        System.out.printf("| %,d rows | %,d bytes | %s | %,d ms | %,d MB | %d listed of %d | %,d bytes |%n", rows, big.length,
                result.passed() ? "accepted" : "refused (" + result.report().problems().get(0).code() + ")", ms,
                (peak - before) / (1024 * 1024), result.passed() ? 0 : result.report().problems().size(),
                result.passed() ? 0 : result.report().problemsTotal(), report.length);
    }

    /** Streams rows into a copy of the shipped workbook (SXSSF), so making the input costs little memory itself. */
    private static byte[] workbook(Path shipped, int rows) throws Exception {
        try (XSSFWorkbook xssf = new XSSFWorkbook(Files.newInputStream(shipped));
             SXSSFWorkbook wb = new SXSSFWorkbook(xssf, 200)) {
            Sheet thresholds = wb.getSheet("Thresholds");
            int first = xssf.getSheet("Thresholds").getLastRowNum() + 1;
            String[] criteria = {"CLEARANCE_RATE", "RECIDIVISM", "TIPS_RESOLVED", "CRIME_REDUCTION"};
            for (int i = 0; i < rows; i++) {
                Row r = thresholds.createRow(first + i);
                r.createCell(0).setCellValue("BENCH_" + i);
                r.createCell(1).setCellValue(criteria[i % criteria.length]);
                r.createCell(2).setCellValue(String.valueOf(50 + i % 50));
                r.createCell(4).setCellValue("benchmark row " + i);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        }
    }
}
