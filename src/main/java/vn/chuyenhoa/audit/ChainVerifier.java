package vn.chuyenhoa.audit;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Checks the audit trail from what is stored now: every batch's rows are hashed again from the current rows
 * ({@link Canonical}) and compared with the hashes the batch recorded, every link with the one before it, every
 * audited row is in some batch, and every head in the head file is on the chain. Reads without locks or a long
 * transaction: the chain is read first and only batches committed meanwhile are read again, for their row keys.
 *
 * <p>A head in the file that is not on the chain means the database was rewritten or truncated after it was written,
 * and is reported as tampering, unless a recorded restore ({@link Restores}) explains it: the head lies between the
 * backup's head and the last head before the restore, it was written before the restore, and the restore's own link
 * is in the head file too. Such heads are the batches lost with the restore, told apart from the problems. With a
 * head file per instance, each instance's file is explained by its own acceptance of the restore (see {@link Restores}).
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

    /**
     * A restore from a backup, recorded in the chain at batch {@code seq}; at least {@code lostBatches} linked after the
     * backup's head are gone with it, as far as the head files of {@code headFilesCounted} instances knew (the one that
     * restored it and those that accepted it since); {@code headsExplained} of this head file's lines are theirs.
     */
    public record RestoreNote(long seq, Instant restoredAt, String restoredBy, String backup, long backupHeadSeq,
                              Instant backupHeadAt, long lostBatches, int headFilesCounted, int headsExplained,
                              boolean inHeadFile, String messageVi, String messageEn) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "ChainReport")
    public record Report(boolean intact, Instant checkedAt, long batchesChecked, long rowsChecked,
                         AuditChain.Head head, HeadFileState headFile, Problem firstBreak, int problemCount,
                         List<Problem> problems, List<RestoreNote> restores, String messageVi, String messageEn) {
    }

    /** The last batch that listed a row of a mutable table, and the hash it recorded. */
    private record Listing(Link link, String table, String key, String rowHash) {
    }

    private static final Set<String> MUTABLE = Canonical.TABLES.stream().filter(Canonical.Table::mutable)
            .map(Canonical.Table::name).collect(Collectors.toUnmodifiableSet());

    private record Link(long seq, String kind, Instant linkedAt, int rowCount, String entries, String contentHash,
                        String prevHash, String hash) {
    }

    private static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter
            .ofPattern("dd/MM/yyyy HH:mm:ss").withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));

    private final JdbcTemplate jdbc;
    private final HeadFile headFile;
    private final Restores restores;

    public ChainVerifier(JdbcTemplate jdbc, HeadFile headFile) {
        this.jdbc = jdbc;
        this.headFile = headFile;
        this.restores = new Restores(jdbc);
    }

    public Report verify() {
        Instant checkedAt = Instant.now();
        List<Problem> problems = new ArrayList<>();
        // the heads first: a head is written after its batch commits, so every head read now is on the chain read next,
        // while writers in this or another instance go on linking
        List<HeadFile.Line> headLines;
        UncheckedIOException unreadable = null;
        try {
            headLines = headFile.read();
        } catch (UncheckedIOException e) {
            headLines = null;
            unreadable = e;
        }
        List<Link> chain = links(0);
        long lastSeq = chain.isEmpty() ? 0 : chain.get(chain.size() - 1).seq();

        Map<String, Canonical.Entry> rows = new HashMap<>();
        for (Canonical.Table t : Canonical.TABLES) {
            t.scan(jdbc, rows::put);
        }

        Map<Long, String> hashBySeq = new HashMap<>();
        Map<String, Long> chainedIn = new HashMap<>();
        Map<String, Listing> lastListings = new LinkedHashMap<>();
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
                checkRow(l, line, rows, chainedIn, lastListings, problems);
            }
            prev = l.hash();
            expected = l.seq() + 1;
        }

        // rows committed after the chain was read belong to later batches: only their keys matter here
        for (Link later : links(lastSeq)) {
            for (String line : later.entries().split("\n")) {
                String[] p = line.split(" ");
                if (p.length != 3) continue;
                chainedIn.putIfAbsent(p[0] + " " + p[1], later.seq());
                // an account changed while this ran: the row read may be its newer state
                Canonical.Entry now = rows.get(p[0] + " " + p[1]);
                if (MUTABLE.contains(p[0]) && now != null && now.rowHash().equals(p[2])) {
                    lastListings.put(p[0] + " " + p[1], new Listing(later, p[0], p[1], p[2]));
                }
            }
        }
        for (Listing last : lastListings.values()) {
            compare(last.link(), last.table(), last.key(), last.rowHash(), rows, problems);
        }
        for (Map.Entry<String, Canonical.Entry> row : rows.entrySet()) {
            if (!chainedIn.containsKey(row.getKey())) {
                Canonical.Entry e = row.getValue();
                problems.add(new Problem(null, null, "ROW_UNCHAINED", e.table(), e.key(), null, e.rowHash(),
                        said(e.table(), e.key(), false) + " không thuộc lô nào của chuỗi: đã được thêm vào"
                                + " cơ sở dữ liệu ngoài ứng dụng.",
                        said(e.table(), e.key(), true) + " is in no batch of the chain: it was added to the"
                                + " database behind the application's back."));
            }
        }

        List<RestoreNote> notes = new ArrayList<>();
        HeadFileState heads = checkHeads(headLines, unreadable, hashBySeq, chainedIn, problems, notes);
        AuditChain.Head head = chain.isEmpty() ? AuditChain.Head.EMPTY : new AuditChain.Head(lastSeq,
                chain.get(chain.size() - 1).hash(), chain.get(chain.size() - 1).linkedAt());
        // the first broken link first: the rows of accounts are compared after the whole chain was read
        problems.sort(Comparator.comparing(Problem::seq, Comparator.nullsLast(Comparator.naturalOrder())));
        boolean intact = problems.isEmpty();
        Problem first = intact ? null : problems.get(0);
        String restoredVi = notes.stream().map(n -> " " + n.messageVi()).collect(java.util.stream.Collectors.joining());
        String restoredEn = notes.stream().map(n -> " " + n.messageEn()).collect(java.util.stream.Collectors.joining());
        return new Report(intact, checkedAt, chain.size(), rowsChecked, head, heads, first, problems.size(),
                List.copyOf(problems.subList(0, Math.min(MAX_LISTED, problems.size()))), List.copyOf(notes),
                (intact ? "Chuỗi kiểm toán nguyên vẹn: " + chain.size() + " lô, " + rowsChecked
                        + " bản ghi, khớp với " + heads.headsRecorded() + " mã đầu chuỗi đã ghi ra tệp."
                        : "Chuỗi kiểm toán KHÔNG nguyên vẹn (" + problems.size() + " lỗi). " + first.messageVi())
                        + restoredVi,
                (intact ? "The audit chain is intact: " + chain.size() + " batches, " + rowsChecked
                        + " rows, consistent with the " + heads.headsRecorded() + " heads written to the file."
                        : "The audit chain is NOT intact (" + problems.size() + " problems). " + first.messageEn())
                        + restoredEn);
    }

    private static void checkRow(Link l, String line, Map<String, Canonical.Entry> rows, Map<String, Long> chainedIn,
                                 Map<String, Listing> lastListings, List<Problem> problems) {
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
        if (MUTABLE.contains(table)) {
            // listed again at each change: only the last listing must match the row as stored, checked at the end
            chainedIn.put(where, l.seq());
            lastListings.put(where, new Listing(l, table, key, p[2]));
            return;
        }
        Long earlier = chainedIn.putIfAbsent(where, l.seq());
        if (earlier != null) {
            problems.add(new Problem(l.seq(), l.kind(), "ROW_IN_TWO_BATCHES", table, key, String.valueOf(earlier),
                    String.valueOf(l.seq()),
                    said(table, key, false) + " có trong cả lô " + earlier + " và lô " + l.seq() + ".",
                    said(table, key, true) + " is in both batch " + earlier + " and batch " + l.seq() + "."));
            return;
        }
        compare(l, table, key, p[2], rows, problems);
    }

    private static void compare(Link l, String table, String key, String recorded, Map<String, Canonical.Entry> rows,
                                List<Problem> problems) {
        String where = table + " " + key;
        Canonical.Entry now = rows.get(where);
        if (now == null) {
            problems.add(new Problem(l.seq(), l.kind(), "ROW_MISSING", table, key, recorded, null,
                    said(table, key, false) + " của lô " + l.seq() + " đã bị xóa khỏi cơ sở dữ liệu.",
                    said(table, key, true) + " of batch " + l.seq() + " was deleted from the database."));
        } else if (!now.rowHash().equals(recorded)) {
            problems.add(new Problem(l.seq(), l.kind(), "ROW_ALTERED", table, key, recorded, now.rowHash(),
                    said(table, key, false) + " của lô " + l.seq() + " đã bị sửa: mã băm hiện tại khác mã băm đã ghi.",
                    said(table, key, true) + " of batch " + l.seq() + " was changed: its hash now differs from the one"
                            + " recorded."));
        }
    }

    /**
     * One row of an append-only table against the hash its batch recorded: what an evaluation's own page checks, so
     * that a row changed behind the application is said where it is shown and not only on the whole chain's check.
     *
     * @param seq      the batch that listed the row, null when none does (the row was added behind the chain)
     * @param recorded the hash that batch recorded; {@code recomputed} the hash of the row as stored now
     */
    public record RowCheck(Long seq, String recorded, String recomputed) {
        public boolean intact() {
            return recomputed.equals(recorded);
        }
    }

    /** How far after a row's own time the batch that linked it is looked for first (a group commit takes ms). */
    private static final java.time.Duration LINKED_WITHIN = java.time.Duration.ofHours(1);

    /**
     * Checks one row of an append-only table against its batch. {@code madeAt} is the row's own time: its batch is
     * linked just after it, so the batches of that hour are searched first and the whole chain only when none of
     * them lists it (a row linked in a later BASELINE batch).
     *
     * @throws IllegalStateException when no row has this key
     */
    public RowCheck row(Canonical.Table table, Instant madeAt, Object... key) {
        if (table.mutable()) throw new IllegalArgumentException(table.name() + " is listed again at each change");
        Canonical.Entry now = table.stored(jdbc, key);
        String prefix = now.table() + " " + now.key() + " ";
        String like = "%" + prefix + "%";
        List<Map.Entry<Long, String>> found = jdbc.query("SELECT seq, entries FROM audit_chain WHERE linked_at >= ?"
                        + " AND linked_at < ? AND entries LIKE ? ORDER BY seq",
                (rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)), SqlTime.utc(madeAt.minusSeconds(60)),
                SqlTime.utc(madeAt.plus(LINKED_WITHIN)), like);
        if (found.isEmpty()) {
            found = jdbc.query("SELECT seq, entries FROM audit_chain WHERE entries LIKE ? ORDER BY seq",
                    (rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)), like);
        }
        for (Map.Entry<Long, String> batch : found) {
            for (String line : batch.getValue().split("\n")) {
                if (line.startsWith(prefix)) {
                    return new RowCheck(batch.getKey(), line.substring(prefix.length()), now.rowHash());
                }
            }
        }
        return new RowCheck(null, null, now.rowHash());
    }

    private HeadFileState checkHeads(List<HeadFile.Line> lines, UncheckedIOException unreadable,
                                     Map<Long, String> hashBySeq, Map<String, Long> chainedIn, List<Problem> problems,
                                     List<RestoreNote> notes) {
        String path = headFile.path().toString();
        if (unreadable != null) {
            UncheckedIOException e = unreadable;
            problems.add(new Problem(null, null, "HEAD_LINE_UNREADABLE", null, null, path, null,
                    "Không đọc được tệp mã đầu chuỗi " + path + ": " + e.getMessage(),
                    "The head file " + path + " cannot be read: " + e.getMessage()));
            return new HeadFileState(path, 0, null, null, false);
        }
        List<Witnessed> witnessed = witnessedRestores(lines, hashBySeq, chainedIn);
        int[] explained = new int[witnessed.size()];
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
                int by = on ? -1 : explainedBy(line, witnessed);
                if (by >= 0) {
                    explained[by]++;
                    on = true;
                } else if (!on) {
                    Restores.Restore unaccepted = unaccepted(line, witnessed);
                    problems.add(new Problem(line.seq(), null, "HEAD_NOT_ON_CHAIN", "head-file",
                            String.valueOf(line.number()), line.hash(), onChain,
                            "Mã đầu chuỗi ghi lúc " + line.time() + " (lô " + line.seq() + ") không có trong chuỗi"
                                    + " hiện tại, và không lần khôi phục nào được ghi nhận giải thích điều đó: cơ sở dữ"
                                    + " liệu đã bị viết lại hoặc cắt bớt từ lô này."
                                    + (unaccepted == null ? "" : " Có ghi nhận khôi phục từ " + unaccepted.backup()
                                    + " nhưng phiên bản chạy ghi tệp này chưa chấp nhận: nếu nó đã chạy trên cơ sở dữ"
                                    + " liệu trước khi khôi phục, hãy khởi động nó với chuyenhoa.audit.restored-from"
                                    + " và chuyenhoa.audit.restored-by (README, \"Backups and restore\")."),
                            "The head written at " + line.time() + " (batch " + line.seq() + ") is not on the current"
                                    + " chain, and no recorded restore explains it: the database was rewritten or"
                                    + " truncated from this batch on."
                                    + (unaccepted == null ? "" : " A restore from " + unaccepted.backup() + " is"
                                    + " recorded, but the instance writing this file has not accepted it: if it ran on"
                                    + " the database before the restore, start it with chuyenhoa.audit.restored-from and"
                                    + " chuyenhoa.audit.restored-by (README, \"Backups and restore\").")));
                }
            }
            all &= on;
            lastOn = on;
        }
        // one note per restore, with the acceptances of the other instances (same backup head) counted in
        Map<String, List<Integer>> byRestore = new LinkedHashMap<>();
        for (int i = 0; i < witnessed.size(); i++) {
            byRestore.computeIfAbsent(witnessed.get(i).restore().backupHeadHash(), k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> group : byRestore.values()) {
            notes.add(note(group.stream().map(witnessed::get).toList(),
                    group.stream().mapToInt(i -> explained[i]).sum()));
        }
        return new HeadFileState(path, lines.size(), lines.isEmpty() ? null : lines.get(lines.size() - 1).raw(),
                lastOn, all);
    }

    /** A restore on the chain at {@code seq}; {@code line} the head file's line of its link, 0 when it has none. */
    private record Witnessed(Restores.Restore restore, long seq, int line) {
    }

    private List<Witnessed> witnessedRestores(List<HeadFile.Line> lines, Map<Long, String> hashBySeq,
                                              Map<String, Long> chainedIn) {
        List<Witnessed> out = new ArrayList<>();
        for (Restores.Restore r : restores.all()) {
            Long seq = chainedIn.get(Canonical.AUDIT_RESTORE.name() + " " + r.id());
            if (seq == null) continue; // an unchained row is reported as such and explains nothing
            int at = lines.stream().filter(l -> l.seq() == seq && l.hash() != null && l.hash().equals(hashBySeq.get(seq)))
                    .mapToInt(HeadFile.Line::number).findFirst().orElse(0);
            out.add(new Witnessed(r, seq, at));
        }
        return out;
    }

    private static int explainedBy(HeadFile.Line line, List<Witnessed> witnessed) {
        for (int i = 0; i < witnessed.size(); i++) {
            Witnessed w = witnessed.get(i);
            if (w.line() > line.number() && line.seq() > w.restore().backupHeadSeq()
                    && line.seq() <= w.restore().lostHeadSeq()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A head not on the chain that a recorded restore could explain (written after its backup's head, before it), had
     * the instance that wrote it accepted the restore: still tampering, but the message says what the operator can do.
     */
    private static Restores.Restore unaccepted(HeadFile.Line line, List<Witnessed> witnessed) {
        java.time.Instant written = Restores.writtenAt(line);
        return witnessed.stream().map(Witnessed::restore)
                .filter(r -> line.seq() > r.backupHeadSeq() && written != null && written.isBefore(r.restoredAt()))
                .findFirst().orElse(null);
    }

    /**
     * One restore: the link that recorded it (the first of the group on the chain) and the acceptances of the other
     * instances; the batches lost are as many as the furthest head any of their head files had recorded.
     */
    private static RestoreNote note(List<Witnessed> group, int explained) {
        Witnessed w = group.stream().min(Comparator.comparingLong(Witnessed::seq)).orElseThrow();
        Restores.Restore r = w.restore();
        long lost = group.stream().mapToLong(g -> g.restore().lostHeadSeq()).max().orElseThrow() - r.backupHeadSeq();
        int files = group.size();
        String backupAt = r.backupHeadAt() == null ? "?" : SHOWN.format(r.backupHeadAt());
        String at = SHOWN.format(r.restoredAt());
        boolean witnessedInFile = group.stream().anyMatch(g -> g.line() > 0);
        String vi = "Khôi phục từ bản sao lưu lúc " + backupAt + " (" + r.backup() + ", lô " + r.backupHeadSeq()
                + ") do " + r.restoredBy() + " thực hiện lúc " + at + ", ghi ở lô " + w.seq() + ": ít nhất " + lost
                + " lô ghi sau bản sao lưu đã mất, theo tệp mã đầu chuỗi của " + files + " phiên bản chạy (phiên bản"
                + " khôi phục" + (files > 1 ? " và " + (files - 1) + " phiên bản đã chấp nhận" : "") + "); lô mà chỉ"
                + " tệp của một phiên bản khác biết chưa được tính cho đến khi phiên bản đó chấp nhận lần khôi phục."
                + (witnessedInFile ? "" : " Lần khôi phục này không có trong tệp mã đầu chuỗi nên không giải thích"
                        + " được lô nào bị mất.");
        String en = "Restored from the backup of " + backupAt + " (" + r.backup() + ", batch " + r.backupHeadSeq()
                + ") by " + r.restoredBy() + " at " + at + ", recorded in batch " + w.seq() + ": at least " + lost
                + " batches recorded after it are gone, as the head files of " + files + " instance"
                + (files > 1 ? "s" : "") + " knew (the one that restored it" + (files > 1 ? " and " + (files - 1)
                + " that accepted it" : "") + "); batches only another instance's head file recorded are not counted"
                + " until that instance accepts the restore."
                + (witnessedInFile ? "" : " This restore is not in the head file, so it explains no lost batch.");
        return new RestoreNote(w.seq(), r.restoredAt(), r.restoredBy(), r.backup(), r.backupHeadSeq(),
                r.backupHeadAt(), lost, files, explained, witnessedInFile, vi, en);
    }

    /** What a record of each audited table is, in words: the messages are read by auditors, not by the database. */
    private static final Map<String, String[]> KINDS = Map.ofEntries(
            Map.entry("evaluation", new String[] {"Kết quả đánh giá", "Evaluation"}),
            Map.entry("evaluation_status_event", new String[] {"Việc thu hồi hoặc thay thế kết quả đánh giá",
                    "Withdrawal or supersession of an evaluation"}),
            Map.entry("evaluation_batch", new String[] {"Lô đánh giá", "Evaluation batch"}),
            Map.entry("ruleset_action", new String[] {"Thao tác trên bộ quy tắc", "Ruleset action"}),
            Map.entry("ruleset_version", new String[] {"Phiên bản bộ quy tắc", "Ruleset version"}),
            Map.entry("ruleset_file", new String[] {"Tệp của phiên bản bộ quy tắc", "Ruleset version file"}),
            Map.entry("ruleset_load_failure", new String[] {"Lần nạp bộ quy tắc bị lỗi", "Ruleset load failure"}),
            Map.entry("programme_area", new String[] {"Hồ sơ địa bàn trong chương trình", "Programme area record"}),
            Map.entry("programme_transition", new String[] {"Bước trong vòng đời địa bàn", "Programme lifecycle step"}),
            Map.entry("screening", new String[] {"Kết quả rà soát", "Screening"}),
            Map.entry("monitoring_report", new String[] {"Báo cáo theo dõi", "Monitoring report"}),
            Map.entry("account", new String[] {"Tài khoản", "Account"}),
            Map.entry("api_token", new String[] {"Mã truy cập", "Access token"}),
            Map.entry("account_event", new String[] {"Nhật ký quản trị tài khoản", "Account administration entry"}),
            Map.entry("audit_restore", new String[] {"Lần khôi phục từ bản sao lưu", "Restore from a backup"}));

    /** "Kết quả đánh giá 01a24a19-…": the record's kind in words, its key beside it. */
    private static String said(String table, String key, boolean en) {
        String[] kind = KINDS.get(table);
        return (kind == null ? (en ? "Row " + table : "Bản ghi " + table) : kind[en ? 1 : 0]) + " " + key;
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
