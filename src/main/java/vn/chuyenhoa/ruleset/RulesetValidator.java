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

/**
 * Everything a set of rule files must pass before it can become a version: what Drools checks, what the build checks
 * beyond it (see {@link PolicyReader}: cells, references, duplicates, ambiguous profiles, areas left without a profile),
 * what is about the files rather than the rules (types, sizes, macros, external links) and the test workbooks policy
 * staff wrote. The same checks run for an upload, a saved file in a watched folder and the files on disk at start-up.
 */
@Component
public class RulesetValidator {

    /** The validation report: every problem with its file, sheet, row, cell and value, and what the tests did. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @io.swagger.v3.oas.annotations.media.Schema(name = "ValidationReport")
    public record Report(String versionId, boolean valid, List<LoadProblem> problems, int testCases, int testFailures) {}

    public record Validated(RulesetSnapshot snapshot, Report report) {}

    private final AreaDirectory areas;
    private final long maxFileBytes;

    public RulesetValidator(AreaDirectory areas, @Value("${chuyenhoa.ruleset.max-file-bytes:5242880}") long maxFileBytes) {
        this.areas = areas;
        this.maxFileBytes = maxFileBytes;
    }

    public Validated validate(List<RuleFile> files, String origin) {
        String versionId = RuleFiles.versionId(files);
        List<LoadProblem> problems = new ArrayList<>();
        for (RuleFile f : files) checkFile(f, problems);
        if (!problems.isEmpty()) return rejected(versionId, problems, 0);

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

    private static Validated rejected(String versionId, List<LoadProblem> problems, int cases) {
        int failures = (int) problems.stream().filter(p -> "test_failed".equals(p.code())).count();
        return new Validated(null, new Report(versionId, false, List.copyOf(problems), cases, failures));
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
                    "Tệp lớn " + f.content().length + " byte, vượt giới hạn " + maxFileBytes + " byte. Hãy xóa các trang tính, hình ảnh không cần thiết.",
                    "The file has " + f.content().length + " bytes, over the limit of " + maxFileBytes + ". Remove sheets or images that are not needed."));
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
}
