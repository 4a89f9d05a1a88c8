package vn.chuyenhoa.audit;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Checks the audit trail from what is stored now: every batch's rows are hashed again from the current rows
 * ({@link Canonical}) and compared with the hashes the batch recorded, every link with the one before it, every
 * audited row is in some batch, and every head in the head file is on the chain. Reads without locks or a long
 * transaction: the chain is read first and only batches committed meanwhile are read again, for their row keys.
 */
@Component
public class ChainVerifier {

    /** At most this many problems are listed; the count is always complete. */
    static final int MAX_LISTED = 100;

    /**
     * One thing found wrong.
     *
     * @param seq        the batch where it is, null for a row in no batch
     * @param problem    ROW_ALTERED, ROW_MISSING, ROW_UNCHAINED, ROW_IN_TWO_BATCHES, BATCH_MISSING, PREV_HASH_MISMATCH,
     *                   ENTRIES_ALTERED, LINK_HASH_MISMATCH, HEAD_NOT_ON_CHAIN, HEAD_LINE_UNREADABLE
     * @param stored     what the chain (or the head file) recorded
     * @param recomputed what the current data gives
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ChainProblem")
    public record Problem(Long seq, String kind, String problem, String table, String key, String stored,
                          String recomputed, String messageVi, String messageEn) {
    }

    public record HeadFileState(String path, int headsRecorded, String lastLine, Boolean lastLineOnChain,
                                boolean allOnChain) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "ChainReport")
    public record Report(boolean intact, Instant checkedAt, long batchesChecked, long rowsChecked,
                         AuditChain.Head head, HeadFileState headFile, Problem firstBreak, int problemCount,
                         List<Problem> problems, String messageVi, String messageEn) {
    }

    private record Link(long seq, String kind, Instant linkedAt, int rowCount, String entries, String contentHash,
                        String prevHash, String hash) {
    }

    private final JdbcTemplate jdbc;
    private final HeadFile headFile;

    public ChainVerifier(JdbcTemplate jdbc, HeadFile headFile) {
        this.jdbc = jdbc;
        this.headFile = headFile;
    }

    public Report verify() {
        Instant checkedAt = Instant.now();
        List<Problem> problems = new ArrayList<>();
        List<Link> chain = links(0);
        long lastSeq = chain.isEmpty() ? 0 : chain.get(chain.size() - 1).seq();

        Map<String, Canonical.Entry> rows = new HashMap<>();
        for (Canonical.Table t : Canonical.TABLES) {
            t.scan(jdbc, rows::put);
        }

        Map<Long, String> hashBySeq = new HashMap<>();
        Map<String, Long> chainedIn = new HashMap<>();
        long expected = 1;
        String prev = Canonical.GENESIS;
        long rowsChecked = 0;
        for (Link l : chain) {
            hashBySeq.put(l.seq(), l.hash());
            if (l.seq() != expected) {
                problems.add(new Problem(l.seq(), l.kind(), "BATCH_MISSING", null, null, String.valueOf(expected),
                        String.valueOf(l.seq()),
                        "Thiếu lô " + range(expected, l.seq()) + " của chuỗi kiểm toán: lô " + l.seq() + " nối tiếp lô "
                                + (expected - 1) + ".",
                        "Batch " + range(expected, l.seq()) + " of the audit chain is missing: batch " + l.seq()
                                + " follows batch " + (expected - 1) + "."));
            }
            if (!l.prevHash().equals(prev)) {
                problems.add(new Problem(l.seq(), l.kind(), "PREV_HASH_MISMATCH", null, null, l.prevHash(), prev,
                        "Lô " + l.seq() + " không nối với lô trước: mã băm của lô trước ghi trong lô khác với mã băm thực"
                                + " của lô trước.",
                        "Batch " + l.seq() + " does not link to the batch before it: the previous hash it records differs"
                                + " from that batch's hash."));
            }
            String content = Canonical.sha256(l.entries());
            if (!content.equals(l.contentHash())) {
                problems.add(new Problem(l.seq(), l.kind(), "ENTRIES_ALTERED", "audit_chain", String.valueOf(l.seq()),
                        l.contentHash(), content,
                        "Danh sách bản ghi của lô " + l.seq() + " đã bị sửa sau khi ghi.",
                        "The list of rows of batch " + l.seq() + " was changed after it was written."));
            }
            String hash = Canonical.linkHash(l.seq(), l.kind(), l.linkedAt(), l.rowCount(), l.contentHash(),
                    l.prevHash());
            if (!hash.equals(l.hash())) {
                problems.add(new Problem(l.seq(), l.kind(), "LINK_HASH_MISMATCH", "audit_chain",
                        String.valueOf(l.seq()), l.hash(), hash,
                        "Mã băm của lô " + l.seq() + " không khớp với nội dung của lô.",
                        "The hash of batch " + l.seq() + " does not match the batch's content."));
            }
            List<String> lines = l.entries().isEmpty() ? List.of() : List.of(l.entries().split("\n", -1));
            if (lines.size() != l.rowCount()) {
                problems.add(new Problem(l.seq(), l.kind(), "ENTRIES_ALTERED", "audit_chain", String.valueOf(l.seq()),
                        String.valueOf(l.rowCount()), String.valueOf(lines.size()),
                        "Lô " + l.seq() + " ghi " + l.rowCount() + " bản ghi nhưng liệt kê " + lines.size() + ".",
                        "Batch " + l.seq() + " records " + l.rowCount() + " rows but lists " + lines.size() + "."));
            }
            for (String line : lines) {
                rowsChecked++;
                checkRow(l, line, rows, chainedIn, problems);
            }
            prev = l.hash();
            expected = l.seq() + 1;
        }

        // rows committed after the chain was read belong to later batches: only their keys matter here
        for (Link later : links(lastSeq)) {
            for (String line : later.entries().split("\n")) {
                String[] p = line.split(" ");
                if (p.length == 3) chainedIn.putIfAbsent(p[0] + " " + p[1], later.seq());
            }
        }
        for (Map.Entry<String, Canonical.Entry> row : rows.entrySet()) {
            if (!chainedIn.containsKey(row.getKey())) {
                Canonical.Entry e = row.getValue();
                problems.add(new Problem(null, null, "ROW_UNCHAINED", e.table(), e.key(), null, e.rowHash(),
                        "Bản ghi " + e.table() + " " + e.key() + " không thuộc lô nào của chuỗi: đã được thêm vào"
                                + " cơ sở dữ liệu ngoài ứng dụng.",
                        "Row " + e.table() + " " + e.key() + " is in no batch of the chain: it was added to the"
                                + " database behind the application's back."));
            }
        }

        HeadFileState heads = checkHeads(hashBySeq, problems);
        AuditChain.Head head = chain.isEmpty() ? AuditChain.Head.EMPTY : new AuditChain.Head(lastSeq,
                chain.get(chain.size() - 1).hash(), chain.get(chain.size() - 1).linkedAt());
        boolean intact = problems.isEmpty();
        Problem first = intact ? null : problems.get(0);
        return new Report(intact, checkedAt, chain.size(), rowsChecked, head, heads, first, problems.size(),
                List.copyOf(problems.subList(0, Math.min(MAX_LISTED, problems.size()))),
                intact ? "Chuỗi kiểm toán nguyên vẹn: " + chain.size() + " lô, " + rowsChecked
                        + " bản ghi, khớp với " + heads.headsRecorded() + " mã đầu chuỗi đã ghi ra tệp."
                        : "Chuỗi kiểm toán KHÔNG nguyên vẹn (" + problems.size() + " lỗi). " + first.messageVi(),
                intact ? "The audit chain is intact: " + chain.size() + " batches, " + rowsChecked
                        + " rows, consistent with the " + heads.headsRecorded() + " heads written to the file."
                        : "The audit chain is NOT intact (" + problems.size() + " problems). " + first.messageEn());
    }

    private static void checkRow(Link l, String line, Map<String, Canonical.Entry> rows, Map<String, Long> chainedIn,
                                 List<Problem> problems) {
        String[] p = line.split(" ");
        if (p.length != 3) {
            problems.add(new Problem(l.seq(), l.kind(), "ENTRIES_ALTERED", "audit_chain", String.valueOf(l.seq()),
                    line, null, "Lô " + l.seq() + " có một dòng không đọc được.",
                    "Batch " + l.seq() + " has a line that does not parse."));
            return;
        }
        String table = p[0];
        String key = p[1];
        String where = table + " " + key;
        Long earlier = chainedIn.putIfAbsent(where, l.seq());
        if (earlier != null) {
            problems.add(new Problem(l.seq(), l.kind(), "ROW_IN_TWO_BATCHES", table, key, String.valueOf(earlier),
                    String.valueOf(l.seq()),
                    "Bản ghi " + where + " có trong cả lô " + earlier + " và lô " + l.seq() + ".",
                    "Row " + where + " is in both batch " + earlier + " and batch " + l.seq() + "."));
            return;
        }
        Canonical.Entry now = rows.get(where);
        if (now == null) {
            problems.add(new Problem(l.seq(), l.kind(), "ROW_MISSING", table, key, p[2], null,
                    "Bản ghi " + where + " của lô " + l.seq() + " đã bị xóa khỏi cơ sở dữ liệu.",
                    "Row " + where + " of batch " + l.seq() + " was deleted from the database."));
        } else if (!now.rowHash().equals(p[2])) {
            problems.add(new Problem(l.seq(), l.kind(), "ROW_ALTERED", table, key, p[2], now.rowHash(),
                    "Bản ghi " + where + " của lô " + l.seq() + " đã bị sửa: mã băm hiện tại khác mã băm đã ghi.",
                    "Row " + where + " of batch " + l.seq() + " was changed: its hash now differs from the one"
                            + " recorded."));
        }
    }

    private HeadFileState checkHeads(Map<Long, String> hashBySeq, List<Problem> problems) {
        String path = headFile.path().toString();
        List<HeadFile.Line> lines;
        try {
            lines = headFile.read();
        } catch (UncheckedIOException e) {
            problems.add(new Problem(null, null, "HEAD_LINE_UNREADABLE", null, null, path, null,
                    "Không đọc được tệp mã đầu chuỗi " + path + ": " + e.getMessage(),
                    "The head file " + path + " cannot be read: " + e.getMessage()));
            return new HeadFileState(path, 0, null, null, false);
        }
        boolean all = true;
        Boolean lastOn = null;
        for (HeadFile.Line line : lines) {
            boolean on;
            if (line.seq() < 0) {
                on = false;
                problems.add(new Problem(null, null, "HEAD_LINE_UNREADABLE", null, null, line.raw(), null,
                        "Dòng " + line.number() + " của tệp mã đầu chuỗi không đúng dạng \"seq hash time\".",
                        "Line " + line.number() + " of the head file is not \"seq hash time\"."));
            } else {
                String onChain = hashBySeq.get(line.seq());
                on = line.hash().equals(onChain);
                if (!on) {
                    problems.add(new Problem(line.seq(), null, "HEAD_NOT_ON_CHAIN", "head-file",
                            String.valueOf(line.number()), line.hash(), onChain,
                            "Mã đầu chuỗi ghi lúc " + line.time() + " (lô " + line.seq() + ") không có trong chuỗi"
                                    + " hiện tại: cơ sở dữ liệu đã bị viết lại hoặc cắt bớt từ lô này.",
                            "The head written at " + line.time() + " (batch " + line.seq() + ") is not on the current"
                                    + " chain: the database was rewritten or truncated from this batch on."));
                }
            }
            all &= on;
            lastOn = on;
        }
        return new HeadFileState(path, lines.size(), lines.isEmpty() ? null : lines.get(lines.size() - 1).raw(),
                lastOn, all);
    }

    private List<Link> links(long after) {
        return jdbc.query("SELECT seq, kind, linked_at, row_count, entries, content_hash, prev_hash, hash"
                + " FROM audit_chain WHERE seq > ? ORDER BY seq", (rs, n) -> new Link(rs.getLong("seq"),
                rs.getString("kind"), SqlTime.instant(rs, "linked_at"), rs.getInt("row_count"), rs.getString("entries"),
                rs.getString("content_hash"), rs.getString("prev_hash"), rs.getString("hash")), after);
    }

    private static String range(long from, long to) {
        return to - 1 == from ? String.valueOf(from) : from + "–" + (to - 1);
    }
}
