package vn.chuyenhoa.ruleset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonInclude;

import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.kernel.Numbers;

/**
 * Everything a set of rule files must pass before it can become a version: what Drools checks, what the build checks
 * beyond it (see {@link PolicyReader}: cells, references, duplicates, ambiguous profiles, areas left without a profile),
 * what is about the files rather than the rules (types, sizes, macros, external links) and the test workbooks policy
 * staff wrote. The same checks run for an upload, a saved file in a watched folder and the files on disk at start-up.
 */
@Component
public class RulesetValidator {

    /**
     * The validation report: every problem with its file, sheet, row, cell and value (the first
     * {@code chuyenhoa.ruleset.max-problems} of them; {@code problemsTotal} counts all), and what the tests did.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @io.swagger.v3.oas.annotations.media.Schema(name = "ValidationReport")
    public record Report(String versionId, boolean valid, List<LoadProblem> problems, int testCases, int testFailures,
                         Integer problemsTotal) {

        public Report(String versionId, boolean valid, List<LoadProblem> problems, int testCases, int testFailures) {
            this(versionId, valid, problems, testCases, testFailures, problems.size());
        }
    }

    public record Validated(RulesetSnapshot snapshot, Report report) {}

    /** The checks that come before anything is compiled, with the cells they read. */
    public record Prechecked(Report report) {
        public boolean passed() { return report == null; }
    }

    private final AreaDirectory areas;
    private final long maxFileBytes;
    private final TableGate.Limits limits;

    public RulesetValidator(AreaDirectory areas, @Value("${chuyenhoa.ruleset.max-file-bytes:5242880}") long maxFileBytes,
                            @Value("${chuyenhoa.ruleset.max-table-rows:5000}") int maxTableRows,
                            @Value("${chuyenhoa.ruleset.max-problems:200}") int maxProblems) {
        this.areas = areas;
        this.maxFileBytes = maxFileBytes;
        this.limits = new TableGate.Limits(maxTableRows, maxProblems);
    }

    /** The unit lists the tables are checked against, also naming units in the messages of other checks. */
    AreaDirectory areas() {
        return areas;
    }

    public Validated validate(List<RuleFile> files, String origin) {
        Prechecked pre = precheck(files, null);
        if (!pre.passed()) return new Validated(null, pre.report());
        return compile(files, origin);
    }

    /**
     * Everything decided from the files and their cells alone, before anything in them is compiled or run: file
     * types and sizes, literal policy values, table layout and limits, the type of every data cell and the references
     * between tables, areas that exist; and with {@code base} (an upload on top of the version in force) that every
     * program-text cell and DRL file is the one in force.
     */
    public Prechecked precheck(List<RuleFile> files, List<RuleFile> base) {
        String versionId = RuleFiles.versionId(files);
        List<LoadProblem> problems = new ArrayList<>();
        for (RuleFile f : files) checkFile(f, problems);
        if (!problems.isEmpty()) return new Prechecked(rejected(versionId, problems, 0).report());
        TableData data = TableData.of(files, limits.maxRowsPerSheet());
        problems.addAll(TableGate.checkCells(data, areas, limits));
        if (base != null && data.unreadable().isEmpty()) {
            problems.addAll(TableGate.sameProgramText(files, data, base, TableData.of(base, Integer.MAX_VALUE - 100)));
        }
        if (problems.isEmpty()) {
            // the type of every data cell and the references between tables, read from the cells
            PolicyReader.read(data.policyRows(), data.origins(), problems);
        }
        if (!problems.isEmpty()) return new Prechecked(rejected(versionId, problems, 0).report());
        return new Prechecked(null);
    }

    /**
     * What an upload on top of {@code base} changes beyond the caller's provinces (see {@link Changer#outside}), the
     * first thing decided about it: before it is matched with a stored version, its cells are checked or anything in it
     * is compiled, so that a caller learns nothing about rows that are not theirs. Read from the cells within the row
     * limits; files that cannot be read as tables at all are left empty here, for {@link #precheck} to refuse for what
     * they are (a file-level report says nothing about anyone's rows).
     */
    List<String> outside(Changer who, List<RuleFile> base, List<RuleFile> files) {
        if (who.national()) return List.of();
        List<LoadProblem> problems = new ArrayList<>();
        for (RuleFile f : files) checkFile(f, problems);
        if (!problems.isEmpty()) return List.of();
        TableData data = TableData.of(files, limits.maxRowsPerSheet());
        if (!data.unreadable().isEmpty()) return List.of();
        return who.outside(base, TableData.of(base, Changer.READ_ALL), files, data, areas);
    }

    /** Drools' build of files that passed {@link #precheck}, then the staff test workbooks on it. */
    public Validated compile(List<RuleFile> files, String origin) {
        String versionId = RuleFiles.versionId(files);
        List<LoadProblem> problems = new ArrayList<>();
        RulesetSnapshot snapshot;
        try {
            snapshot = RulesetBuilder.build(files, origin);
        } catch (RulesetBuildException e) {
            return rejected(versionId, e.problems(), 0);
        }
        TableTests.Outcome tests = TableTests.run(files, snapshot.engine(), areas);
        problems.addAll(tests.failures());
        if (!problems.isEmpty()) return rejected(versionId, problems, tests.cases());
        return new Validated(snapshot, new Report(versionId, true, List.of(), tests.cases(), 0));
    }

    private Validated rejected(String versionId, List<LoadProblem> problems, int cases) {
        int failures = (int) problems.stream().filter(p -> "test_failed".equals(p.code())).count();
        List<LoadProblem> shown = problems.size() > limits.maxProblems() ? problems.subList(0, limits.maxProblems()) : problems;
        return new Validated(null, new Report(versionId, false, List.copyOf(shown), cases, failures, problems.size()));
    }

    private void checkFile(RuleFile f, List<LoadProblem> problems) {
        String path = f.path();
        boolean drl = path.startsWith(RulesetBuilder.RULES_DIR) && path.endsWith(".drl");
        boolean table = path.startsWith(RulesetBuilder.TABLES_DIR) && RulesetBuilder.isTable(path);
        if (!drl && !table) {
            problems.add(LoadProblem.ofFile(path, "unknown_file",
                    "Tệp không phải tệp quy tắc: chỉ nhận .drl trong rules/ và .drl.xlsx trong decision-tables/ (kiểm thử trong decision-tables/tests/).",
                    "Not a rule file: only .drl under rules/ and .drl.xlsx under decision-tables/ (tests under decision-tables/tests/) are accepted."));
            return;
        }
        if (f.content().length > maxFileBytes) {
            problems.add(LoadProblem.ofFile(path, "file_too_large",
                    "Tệp lớn " + megabytes(f.content().length, true) + ", vượt giới hạn " + megabytes(maxFileBytes, true)
                            + ". Hãy xóa các trang tính, hình ảnh không cần thiết.",
                    "The file is " + megabytes(f.content().length, false) + ", over the limit of " + megabytes(maxFileBytes, false)
                            + ". Remove sheets or images that are not needed."));
            return;
        }
        if (table) checkWorkbookParts(f, problems);
    }

    /** Macros can run code on the reviewer's machine and external links make a cell's value depend on another file. */
    private static void checkWorkbookParts(RuleFile f, List<LoadProblem> problems) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(f.content()))) {
            ZipEntry e;
            boolean macros = false, links = false;
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName().toLowerCase(java.util.Locale.ROOT);
                if (name.endsWith("vbaproject.bin")) macros = true;
                if (name.startsWith("xl/externallinks/")) links = true;
            }
            if (macros) {
                problems.add(LoadProblem.ofFile(f.path(), "macros",
                        "Bảng tính có macro (VBA). Hãy lưu lại dưới dạng .xlsx thường (không macro).",
                        "The workbook contains macros (VBA). Save it as a plain .xlsx without macros."));
            }
            if (links) {
                problems.add(LoadProblem.ofFile(f.path(), "external_links",
                        "Bảng tính có liên kết tới tệp khác; giá trị ô sẽ phụ thuộc tệp đó. Hãy chép giá trị (Paste Special → Values) và xóa liên kết.",
                        "The workbook links to other files, so cell values depend on them. Paste the values (Paste Special → Values) and remove the links."));
            }
        } catch (IOException | IllegalArgumentException e) {
            // not a zip at all: the workbook reader reports it as unreadable with a better message
        }
    }

    /** A size as people read it: 12000000 → "11,4 MB" (vi), "11.4 MB" (en), to one decimal place. */
    private static String megabytes(long bytes, boolean vietnamese) {
        return Numbers.format(java.math.BigDecimal.valueOf(bytes).divide(java.math.BigDecimal.valueOf(1L << 20), 1,
                java.math.RoundingMode.HALF_UP), vietnamese) + " MB";
    }
}
