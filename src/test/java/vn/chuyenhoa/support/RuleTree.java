package vn.chuyenhoa.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

/** A copy of the project's real rule files in a scratch folder, to break one cell at a time. */
public final class RuleTree {

    private final Path root;

    private RuleTree(Path root) {
        this.root = root;
    }

    /** Copies rules/ and decision-tables/ of the working tree into {@code dir}. */
    public static RuleTree copyInto(Path dir) {
        for (String folder : new String[] {"rules", "decision-tables"}) {
            Path from = Path.of(folder).toAbsolutePath();
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path p : walk.toList()) {
                    Path to = dir.resolve(folder).resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(to);
                    else Files.copy(p, to);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new RuleTree(dir);
    }

    public Path root() { return root; }

    public Path file(String relative) { return root.resolve(relative); }

    /** Edits one cell (created if absent) of a workbook under the tree, as a policy officer would in Excel. */
    public RuleTree edit(String workbook, String sheet, String cellRef, Consumer<Cell> change) {
        Path path = root.resolve(workbook);
        try (InputStream in = Files.newInputStream(path); Workbook wb = WorkbookFactory.create(in)) {
            Sheet s = wb.getSheet(sheet);
            CellReference ref = new CellReference(cellRef);
            Row row = s.getRow(ref.getRow()) == null ? s.createRow(ref.getRow()) : s.getRow(ref.getRow());
            Cell cell = row.getCell(ref.getCol()) == null ? row.createCell(ref.getCol()) : row.getCell(ref.getCol());
            change.accept(cell);
            try (OutputStream out = Files.newOutputStream(path)) {
                wb.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public RuleTree set(String workbook, String sheet, String cellRef, String text) {
        return edit(workbook, sheet, cellRef, c -> c.setCellValue(text));
    }

    /** Fills a row of text cells starting at column A. */
    public RuleTree row(String workbook, String sheet, int row, String... values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) set(workbook, sheet, CellReference.convertNumToColString(i) + row, values[i]);
        }
        return this;
    }

    public RuleTree write(String relative, byte[] content) {
        try {
            Files.write(root.resolve(relative), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
