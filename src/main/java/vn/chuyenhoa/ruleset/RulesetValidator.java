package vn.chuyenhoa.ruleset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
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
     * {@code chuyenhoa.ruleset.max-problems} of them; {@code problemsTotal} counts all), what the tests did, and the
     * warnings of a valid upload that whoever approves it must read (see {@link UnitWarnings}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @io.swagger.v3.oas.annotations.media.Schema(name = "ValidationReport")
    public record Report(String versionId, boolean valid, List<LoadProblem> problems, int testCases, int testFailures,
                         Integer problemsTotal,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY)
                         @io.swagger.v3.oas.annotations.media.ArraySchema(arraySchema = @io.swagger.v3.oas.annotations.media.Schema(
                                 description = "Cells of a valid upload the approver must check, located like problems; absent when none"))
                         List<LoadProblem> warnings) {

        public Report(String versionId, boolean valid, List<LoadProblem> problems, int testCases, int testFailures) {
            this(versionId, valid, problems, testCases, testFailures, problems.size(), List.of());
        }
    }

    public record Validated(RulesetSnapshot snapshot, Report report) {}

    /** The checks that come before anything is compiled, with the cells they read; and what passed but needs a look. */
    public record Prechecked(Report report, List<LoadProblem> warnings) {
        public boolean passed() { return report == null; }
    }

    /** Bytes a workbook may unpack to when no limit is configured: the shipped ones unpack to well under 1 MB. */
    static final long MAX_UNPACKED_BYTES = 52_428_800;

    private final AreaDirectory areas;
    private final long maxFileBytes;
    private final long maxUnpackedBytes;
    private final TableGate.Limits limits;

    @org.springframework.beans.factory.annotation.Autowired
    public RulesetValidator(AreaDirectory areas, @Value("${chuyenhoa.ruleset.max-file-bytes:5242880}") long maxFileBytes,
                            @Value("${chuyenhoa.ruleset.max-unpacked-bytes:" + MAX_UNPACKED_BYTES + "}") long maxUnpackedBytes,
                            @Value("${chuyenhoa.ruleset.max-table-rows:5000}") int maxTableRows,
                            @Value("${chuyenhoa.ruleset.max-problems:200}") int maxProblems) {
        this.areas = areas;
        this.maxFileBytes = maxFileBytes;
        this.maxUnpackedBytes = maxUnpackedBytes;
        this.limits = new TableGate.Limits(maxTableRows, maxProblems);
    }

    /** With the default limit on what a workbook unpacks to (the tests' validators). */
    public RulesetValidator(AreaDirectory areas, long maxFileBytes, int maxTableRows, int maxProblems) {
        this(areas, maxFileBytes, MAX_UNPACKED_BYTES, maxTableRows, maxProblems);
    }

    /** The unit lists the tables are checked against, also naming units in the messages of other checks. */
    AreaDirectory areas() {
        return areas;
    }

    public Validated validate(List<RuleFile> files, String origin) {
        Prechecked pre = precheck(files, null);
        if (!pre.passed()) return new Validated(null, pre.report());
        return compile(files, origin, pre);
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
        for (RuleFile f : files) checkFile(f, base, problems);
        if (!problems.isEmpty()) return new Prechecked(rejected(versionId, problems, 0).report(), List.of());
        TableData data = TableData.of(files, limits.maxRowsPerSheet());
        problems.addAll(TableGate.checkCells(data, areas, limits));
        TableData baseData = base == null || !data.unreadable().isEmpty() ? null : TableData.of(base, Integer.MAX_VALUE - 100);
        if (baseData != null) problems.addAll(TableGate.sameProgramText(files, data, base, baseData));
        if (!problems.isEmpty()) return new Prechecked(rejected(versionId, problems, 0).report(), List.of());
        // the type of every data cell and the references between tables, read from the cells
        vn.chuyenhoa.evaluation.Policy policy = PolicyReader.read(data.policyRows(), data.origins(), problems);
        if (!problems.isEmpty()) return new Prechecked(rejected(versionId, problems, 0).report(), List.of());
        // the version in force passed these checks when it was stored: its reading cannot fail
        return new Prechecked(null, baseData == null ? List.of()
                : UnitWarnings.of(policy, PolicyReader.read(baseData.policyRows(), baseData.origins(), new ArrayList<>())));
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
        for (RuleFile f : files) checkFile(f, base, problems);
        if (!problems.isEmpty()) return List.of();
        TableData data = TableData.of(files, limits.maxRowsPerSheet());
        if (!data.unreadable().isEmpty()) return List.of();
        return who.outside(base, TableData.of(base, Changer.READ_ALL), files, data, areas);
    }

    /** Drools' build of files that passed {@link #precheck} (carrying its warnings), then the staff test workbooks on it. */
    public Validated compile(List<RuleFile> files, String origin, Prechecked pre) {
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
        return new Validated(snapshot, new Report(versionId, true, List.of(), tests.cases(), 0, 0, pre.warnings()));
    }

    private Validated rejected(String versionId, List<LoadProblem> problems, int cases) {
        int failures = (int) problems.stream().filter(p -> "test_failed".equals(p.code())).count();
        List<LoadProblem> shown = problems.size() > limits.maxProblems() ? problems.subList(0, limits.maxProblems()) : problems;
        return new Validated(null, new Report(versionId, false, List.copyOf(shown), cases, failures, problems.size(), List.of()));
    }

    /** {@code base}: the version in force an upload goes on top of, or null (files read from disk). */
    private void checkFile(RuleFile f, List<RuleFile> base, List<LoadProblem> problems) {
        String path = f.path();
        boolean drl = path.startsWith(RulesetBuilder.RULES_DIR) && path.endsWith(".drl");
        boolean table = path.startsWith(RulesetBuilder.TABLES_DIR) && RulesetBuilder.isTable(path);
        if (!drl && !table && base != null && path.startsWith(RulesetBuilder.TABLES_DIR)
                && path.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
            // a workbook under a name the spreadsheet program or the browser changed ("profiles.xlsx", ".XLSX"):
            // said as a wrong name with the one meant, as for a workbook that is a rule table by its name
            problems.add(TableGate.unknownFileName(path, base.stream().map(RuleFile::path).collect(Collectors.toSet())));
            return;
        }
        if (!drl && !table) {
            problems.add(LoadProblem.ofFile(path, "unknown_file",
                    "Tệp không phải tệp quy tắc: chỉ nhận .drl trong rules/ và .drl.xlsx trong decision-tables/ (kiểm thử trong decision-tables/tests/).",
                    "Not a rule file: only .drl under rules/ and .drl.xlsx under decision-tables/ (tests under decision-tables/tests/) are accepted."));
            return;
        }
        if (f.content().length > maxFileBytes) {
            problems.add(LoadProblem.ofFile(path, "file_too_large",
                    "Tệp lớn " + size(f.content().length, true) + ", vượt giới hạn " + size(maxFileBytes, true)
                            + ". Hãy xóa các trang tính, hình ảnh không cần thiết.",
                    "The file is " + size(f.content().length, false) + ", over the limit of " + size(maxFileBytes, false)
                            + ". Remove sheets or images that are not needed."));
            return;
        }
        if (table) checkWorkbookParts(f, problems);
    }

    /**
     * Macros can run code on the reviewer's machine and external links make a cell's value depend on another file. An
     * XLSX is a zip: a small file can unpack to gigabytes (a zip bomb), which the workbook reader would refuse only as
     * "unreadable" and advise saving again in Excel, advice that cannot help; so what it unpacks to is counted here,
     * entry by entry, and reading stops at the limit.
     */
    private void checkWorkbookParts(RuleFile f, List<LoadProblem> problems) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(f.content()))) {
            ZipEntry e;
            boolean macros = false, links = false;
            long unpacked = 0;
            byte[] buffer = new byte[65536];
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName().toLowerCase(java.util.Locale.ROOT);
                if (name.endsWith("vbaproject.bin")) macros = true;
                if (name.startsWith("xl/externallinks/")) links = true;
                for (int n; (n = zip.read(buffer)) > 0 && unpacked <= maxUnpackedBytes; ) unpacked += n;
                if (unpacked > maxUnpackedBytes) {
                    problems.add(LoadProblem.ofFile(f.path(), "unpacked_too_large",
                            "Tệp chỉ " + size(f.content().length, true) + " nhưng khi giải nén thì vượt quá "
                                    + size(maxUnpackedBytes, true) + " (giới hạn). Một bảng quy tắc thật không lớn như vậy khi giải nén;"
                                    + " tệp này không phải bảng tính đã sửa bình thường, hãy chọn đúng tệp bảng quy tắc.",
                            "The file is only " + size(f.content().length, false) + " but unpacks to more than "
                                    + size(maxUnpackedBytes, false) + " (the limit). No rule table is that large unpacked;"
                                    + " this is not an ordinary edited workbook, so choose the right rule-table file."));
                    return;
                }
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

    /** A size as people read it: "415 KB", "1,5 MB" (Vietnamese) or "1.5 MB". */
    static String size(long bytes, boolean vietnamese) {
        if (bytes < 1024 * 1024) return Numbers.format(Math.max(1, Math.round(bytes / 1024.0)), vietnamese) + " KB";
        java.math.BigDecimal mb = java.math.BigDecimal.valueOf(bytes).divide(java.math.BigDecimal.valueOf(1024 * 1024), 1, java.math.RoundingMode.HALF_UP);
        return Numbers.format(mb, vietnamese) + " MB";
    }
}
