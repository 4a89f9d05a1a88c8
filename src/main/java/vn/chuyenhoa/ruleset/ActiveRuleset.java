package vn.chuyenhoa.ruleset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;
import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.evaluation.EngineSource;
import vn.chuyenhoa.instances.SharedChanges;

/**
 * The ruleset in force, and the one way it changes. New files — uploaded, saved in a watched folder, or found on
 * disk at start-up — are validated first; what fails is recorded as a rejected attempt and never becomes a version;
 * what passes is stored with all its bytes. Activation swaps one immutable snapshot for another atomically: an
 * evaluation that already holds the old engine finishes on it and records it. Every change is logged.
 *
 * <p>Several instances on one database: the database's last ACTIVATED action is what is in force. An activation or
 * rollback made on another instance reaches this one through {@link SharedChanges}, which also has a version stored
 * there built here at once, so that its activation is a swap and not a build.
 */
@Component
public class ActiveRuleset implements EngineSource {

    private static final Logger log = LoggerFactory.getLogger(ActiveRuleset.class);
    public static final List<String> FOLDERS = List.of("rules", "decision-tables");
    /** The start-up as an actor; its comments, like the folder watcher's, are "tiếng Việt / English" (pages show one). */
    static final String SYSTEM = "system";
    public static final String UPLOAD = "UPLOAD";
    /** Longest comment kept with a version or an action (the columns hold 4000 characters). */
    public static final int MAX_COMMENT = 4000;

    /** A load that did not succeed, for the ruleset endpoint and health. */
    public record FailedLoad(Instant at, String versionId, String origin, List<LoadProblem> problems) {}

    /** What became of offered files. */
    public record Offer(String versionId, Result result, RulesetValidator.Report report, boolean activated) {
        public enum Result { CREATED, EXISTING, REJECTED }
    }

    private final AtomicReference<RulesetSnapshot> current = new AtomicReference<>();
    /**
     * Versions this process has built, validated or held in force, from the very bytes that were stored: activating one,
     * or following another instance back to it, needs no rebuild.
     */
    private final Map<String, RulesetSnapshot> validated = new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RulesetSnapshot> eldest) {
            return size() > 4;
        }
    };
    private final AtomicReference<FailedLoad> lastFailure = new AtomicReference<>();
    private final RulesetStore store;
    private final RulesetValidator validator;
    private final SnapshotCache cache;
    private final ObjectMapper json;
    // null: no rules folder configured, the files are the copy bundled in the jar
    private final Path root;
    private final String instance;

    ActiveRuleset(@Value("${chuyenhoa.ruleset.root:}") String root,
                         @Value("${chuyenhoa.ruleset.activate-files:true}") boolean activateFiles,
                         RulesetStore store, RulesetValidator validator, SnapshotCache cache, ObjectMapper json,
                         SharedChanges changes) {
        this.store = store;
        this.validator = validator;
        this.cache = cache;
        this.json = json;
        this.instance = changes.instance();
        // a plain String: Spring would resolve a Path-typed "." against the servlet container's document root
        this.root = root.isBlank() ? null : Path.of(root).toAbsolutePath().normalize();
        start(activateFiles);
        changes.follow("ruleset stored", () -> store.versionIds().stream().findFirst().orElse(null), this::prebuildLatest);
        changes.follow("ruleset in force", store::lastActivationSeq, this::followDatabase);
    }

    /** Puts in force here what another instance put in force; recorded once, where it was done. */
    private synchronized void followDatabase() {
        Optional<String> inForce = store.activeVersionId();
        if (inForce.isEmpty() || inForce.get().equals(versionId())) return;
        try {
            RulesetSnapshot known = validated.get(inForce.get());
            RulesetSnapshot next = known != null ? known : cache.get(inForce.get());
            RulesetSnapshot previous = current.getAndSet(next);
            if (previous != null) validated.put(previous.versionId(), previous);
            log.info("Ruleset {} in force on {} (was {}): activated on another instance", next.versionId(), instance,
                    previous == null ? null : previous.versionId());
        } catch (RulesetBuildException e) {
            log.error("Ruleset {}, put in force on another instance, does not build here; {} stays", inForce.get(),
                    versionId(), e);
        }
    }

    private void prebuildLatest() {
        store.versionIds().stream().findFirst().filter(id -> !id.equals(versionId())).ifPresent(id -> {
            try {
                cache.get(id);
            } catch (RulesetBuildException e) {
                log.warn("Stored ruleset {} does not build on {}", id, instance, e);
            }
        });
    }

    /** The version the database says is in force: another than {@link #versionId()} only while this one follows. */
    Optional<String> inForceInDatabase() {
        return store.activeVersionId();
    }

    public String instance() {
        return instance;
    }

    /** The rules folder, when one is configured (the local run's is the project folder). */
    public Optional<Path> root() { return Optional.ofNullable(root); }

    /** The files of the configured folder, or without one those the jar was built with. */
    private List<RuleFile> files() {
        return root == null ? RuleFiles.bundled(FOLDERS) : RuleFiles.read(root, FOLDERS);
    }

    /**
     * A configured folder that does not exist or holds no rule file is a mistake in the configuration, never a
     * release: validated, it would be a "version" of no files, rejected into the governed log (or, on an empty
     * database, blamed on tables it never had). The start stops with the folder named, as Spring Boot reports a
     * failure it has an analysis for: once, without a stack trace.
     */
    private void requireRules(List<RuleFile> files) {
        if (root == null || !files.isEmpty()) return;
        String what = Files.isDirectory(root)
                ? "holds no rule files in rules/ or decision-tables/ / không có tệp quy tắc nào trong rules/ hay decision-tables/"
                : "does not exist / không tồn tại";
        throw new FailureAnalyzedException(
                "The rules folder / thư mục quy tắc " + root + " (chuyenhoa.ruleset.root) " + what + ".",
                "Set CHUYENHOA_RULESET_ROOT to the folder that holds rules/*.drl and decision-tables/*.drl.xlsx, or"
                        + " leave it empty to use the copy bundled in the jar. / Đặt CHUYENHOA_RULESET_ROOT là thư mục"
                        + " chứa rules/*.drl và decision-tables/*.drl.xlsx, hoặc để trống để dùng bản đóng gói trong jar.");
    }

    /**
     * An empty database is seeded from the files; otherwise the version last activated is put back in force. Files on
     * disk that did not change since they were last seen leave it there (a restart never undoes an approval); files
     * that changed are a new release, offered like any other change (see {@link #offerRelease}). Only with nothing
     * stored and files that do not validate does start-up stop: there would be no rules to answer with.
     */
    private void start(boolean activateFiles) {
        List<RuleFile> files = files();
        requireRules(files);
        Optional<String> active = store.activeVersionId().or(() -> store.versionIds().stream().findFirst());
        if (active.isEmpty()) {
            RulesetValidator.Validated v = validator.validate(files, "DISK");
            if (!v.report().valid()) {
                fail(v.report(), "DISK", files);
                throw new IllegalStateException("The rule files " + (root == null ? "bundled in the jar" : "under " + root) + " do not validate and no earlier version"
                        + " is stored, so there are no rules to serve:\n  " + describe(v.report()));
            }
            storeVersion(v, files, "DISK", SYSTEM, "Phiên bản đầu tiên từ các tệp quy tắc / first version, from the rule files", null);
            store.recordAction("SEEDED", SYSTEM, null, v.snapshot().versionId(), null, null);
            activate(v.snapshot(), SYSTEM, "Khởi tạo / initial version");
            seen(v.snapshot().versionId());
            return;
        }
        try {
            RulesetSnapshot stored = cache.get(active.get());
            if (store.activeVersionId().isEmpty()) store.recordAction("ACTIVATED", SYSTEM, null, stored.versionId(), "Đã áp dụng từ trước khi có quản lý phiên bản / in force before versions were governed", null);
            current.set(stored);
            log.info("Ruleset {} in force (stored version)", stored.versionId());
        } catch (RulesetBuildException e) {
            throw new IllegalStateException("The ruleset version in force, " + active.get() + ", no longer builds", e);
        }
        Optional<String> lastSeen = store.filesLastSeen();
        if (lastSeen.isPresent() && lastSeen.get().equals(RuleFiles.versionId(files))) {
            log.info("Rule files on disk unchanged since last seen ({}); version {} stays in force", lastSeen.get(), versionId());
            return;
        }
        offerRelease(files, lastSeen, activateFiles);
    }

    /**
     * Files on disk that differ from those last seen: a new release. What uploads changed since the last release (the
     * version in force against the files last seen) is carried onto the release's templates where its columns are the
     * same (see {@link ReleaseCarry}); the version offered lists what was carried and what must be entered again, and
     * waits for approval (put in force at once in the local run). If the carried values do not pass the release's
     * checks, the release is offered as it is, every carried cell listed to be entered again.
     */
    private void offerRelease(List<RuleFile> files, Optional<String> lastSeen, boolean activate) {
        String comment = "Tệp quy tắc trên đĩa lúc khởi động / rule files on disk at start-up";
        Optional<List<RuleFile>> base = lastSeen.filter(v -> !v.equals(versionId())).flatMap(store::find)
                .map(v -> v.files().stream().map(f -> new RuleFile(f.path(), f.content())).toList());
        ReleaseCarry.Result carry = base.map(b -> ReleaseCarry.carry(b, snapshot().files(), files))
                .orElseGet(() -> ReleaseCarry.none(files));
        Offer offer;
        String onDisk = RuleFiles.versionId(files);
        if (!carry.changedAnything()) {
            offer = offer(files, "DISK", Changer.SYSTEM, comment, activate, null, onDisk);
        } else {
            offer = offer(carry.files(), "DISK", Changer.SYSTEM, carried(comment, carry), activate,
                    carryDetails(carry, onDisk, false), onDisk);
            if (offer.result() == Offer.Result.REJECTED && !carry.carried().isEmpty()) {
                List<ReleaseCarry.Moved> all = new java.util.ArrayList<>(carry.reenter());
                all.addAll(carry.carried());
                ReleaseCarry.Result plain = new ReleaseCarry.Result(files, List.of(), List.copyOf(all));
                offer = offer(files, "DISK", Changer.SYSTEM, carried(comment, plain), activate, carryDetails(plain, onDisk, true), onDisk);
            } else if (offer.result() != Offer.Result.REJECTED && !carry.carried().isEmpty()) {
                // the release as shipped is kept too: the next release is compared with it, and the draft's diff
                // against it shows exactly the carried cells
                offer(files, "DISK", Changer.SYSTEM, "Bản phát hành như được giao, không có giá trị tỉnh đã tải lên"
                        + " (cơ sở để so sánh lần phát hành sau) / the release as shipped, without the uploaded values", false, null, null);
            }
        }
        log.info("Rule files on disk changed since last seen: version {} {}{}", offer.versionId(), offer.result(),
                offer.activated() ? ", now in force" : ", awaiting approval");
    }

    /** The release's comment with what was carried, each language whole ("tiếng Việt / English", as pages split it). */
    private static String carried(String comment, ReleaseCarry.Result carry) {
        String[] both = comment.split(" / ", 2);
        return both[0] + "; " + carry.carried().size() + " ô giữ giá trị tỉnh đã tải lên, " + carry.reenter().size()
                + " ô cần nhập lại / " + both[1] + "; " + carry.carried().size() + " uploaded cells carried, "
                + carry.reenter().size() + " to enter again";
    }

    private String carryDetails(ReleaseCarry.Result carry, String release, boolean refusedCarried) {
        Map<String, Object> d = new java.util.LinkedHashMap<>();
        d.put("release", release);
        d.put("carriedFrom", versionId());
        d.put("carried", carry.carried());
        d.put("reenter", carry.reenter());
        if (refusedCarried) d.put("carriedRefused", true);
        return json.writeValueAsString(d);
    }

    /** The files on disk or in a watched folder, as they were seen now: what the next start-up compares with. */
    private void seen(String filesVersion) {
        store.recordAction("FILES_SEEN", SYSTEM, null, filesVersion, null, null);
    }

    /** Files saved in a watched folder (the local run's developers), offered and remembered as seen. */
    Offer offerFolder(List<RuleFile> files, Changer who, String comment, boolean activate) {
        return offer(files, "WATCH", who, comment, activate, null, RuleFiles.versionId(files));
    }

    /**
     * Validates files and keeps them as a version if they pass (or returns the identical existing one).
     *
     * @param activate put a new or existing valid version in force at once (the local run's folder watcher)
     */
    public Offer offer(List<RuleFile> files, String origin, Changer who, String comment, boolean activate) {
        return offer(files, origin, who, comment, activate, null, null);
    }

    /**
     * @param detailsJson recorded with the STORED action (what a release carried over), or null
     * @param seenFiles   the version id of the files on disk or in the watched folder these files come from: recorded
     *                    as seen once they are known to be valid (files that fail are checked again at each start, so
     *                    that health keeps saying the service runs on other rules than its files), or null
     */
    private synchronized Offer offer(List<RuleFile> files, String origin, Changer who, String comment, boolean activate,
                                     String detailsJson, String seenFiles) {
        String actor = who.name();
        String versionId = RuleFiles.versionId(files);
        // the caller's provinces first: before the files are matched with a stored version (which would confirm its id)
        // or checked cell by cell (which would report on rows that are not theirs), and before anything is compiled
        RulesetSnapshot base = current.get();
        boolean upload = UPLOAD.equals(origin) && base != null;
        List<String> outside = upload ? validator.outside(who, base.files(), files) : List.of();
        if (!outside.isEmpty()) throw refused(actor, versionId(), null, comment, new Changer.Refused("outside-scope",
                "The change reaches beyond " + actor + "'s provinces; nothing was stored.",
                "Thay đổi vượt ra ngoài phạm vi tỉnh của " + actor + "; không có gì được lưu.", outside));
        if (store.info(versionId).isPresent()) {
            // files that are a stored version are valid: a broken save fixed by restoring the last good file
            // (undo, backup, git checkout) ends the failure just as a new valid version does
            if (!UPLOAD.equals(origin)) lastFailure.set(null);
            if (seenFiles != null) seen(seenFiles);
            boolean switched = activate && !versionId.equals(versionId());
            if (switched) activate(versionId, who, comment);
            return new Offer(versionId, Offer.Result.EXISTING, null, switched);
        }
        // nothing uploaded is compiled or run before its cells are checked (an upload against the version in force:
        // program text unchanged)
        RulesetValidator.Prechecked pre = validator.precheck(files, upload ? base.files() : null);
        if (!pre.passed()) return rejected(pre.report(), origin, files, actor, comment, versionId);
        RulesetValidator.Validated v = validator.compile(files, origin, pre);
        if (!v.report().valid()) return rejected(v.report(), origin, files, actor, comment, versionId);
        if (seenFiles != null) seen(seenFiles);
        storeVersion(v, files, origin, actor, comment, versionId());
        store.recordAction("STORED", actor, versionId(), versionId, comment, detailsJson);
        validated.put(versionId, v.snapshot());
        if (!UPLOAD.equals(origin)) lastFailure.set(null);
        if (activate) activate(v.snapshot(), actor, comment);
        return new Offer(versionId, Offer.Result.CREATED, v.report(), activate);
    }

    private Offer rejected(RulesetValidator.Report report, String origin, List<RuleFile> files, String actor,
                           String comment, String versionId) {
        fail(report, origin, files);
        store.recordAction("REJECTED", actor, versionId(), null, comment, json.writeValueAsString(Map.of(
                "origin", origin, "files", files.stream().map(RuleFile::path).toList(), "report", report)));
        return new Offer(versionId, Offer.Result.REJECTED, report, false);
    }

    /**
     * An uploaded file whose name cannot be placed in the ruleset: empty, climbing out with "..", or placing a file that
     * another part of the same upload already placed (a bare name and its path are the same file), where keeping either
     * would be a guess at what the uploader meant.
     */
    public static final class UnusableFileName extends IllegalArgumentException {
        private final String code;
        private final String messageVi;

        private UnusableFileName(String code, String message, String messageVi) {
            super(message);
            this.code = code;
            this.messageVi = messageVi;
        }

        static UnusableFileName invalid(String name) {
            return new UnusableFileName("invalid_name", "A file name must not be empty or contain '..': " + name,
                    "Tên tệp không được trống hoặc chứa '..': " + name);
        }

        static UnusableFileName twice(String name, String path) {
            return new UnusableFileName("duplicate_file", "Two files of this upload are both " + path + " (the second is "
                    + name + "); send each file once.", "Hai tệp trong lần tải lên này cùng là " + path
                    + " (tệp thứ hai: " + name + "); mỗi tệp chỉ gửi một lần.");
        }

        /** invalid_name or duplicate_file, for the field error. */
        public String code() {
            return code;
        }

        public String messageVi() {
            return messageVi;
        }
    }

    /**
     * Uploaded files on top of the version in force, or as the whole set: a bare name replaces the file of that name,
     * a path keeps its folder (see {@link RuleFiles#pathFor}). Then offered like any other change, never activated.
     *
     * @param files upload name → bytes, in upload order
     * @throws UnusableFileName naming the first file whose name cannot be used or that places a file placed before
     */
    public Offer upload(List<Map.Entry<String, byte[]>> files, boolean whole, Changer author, String comment) {
        List<RuleFile> base = snapshot().files();
        Map<String, RuleFile> set = new java.util.LinkedHashMap<>();
        if (!whole) base.forEach(f -> set.put(f.path(), f));
        java.util.Set<String> placed = new java.util.HashSet<>();
        for (Map.Entry<String, byte[]> f : files) {
            String path = RuleFiles.pathFor(f.getKey(), base);
            if (path == null) throw UnusableFileName.invalid(f.getKey());
            if (!placed.add(path)) throw UnusableFileName.twice(f.getKey(), path);
            set.put(path, new RuleFile(path, f.getValue()));
        }
        return offer(List.copyOf(set.values()), UPLOAD, author, comment, false);
    }

    /**
     * A draft made on a version no longer in force, made again on the version in force: what the draft changed against
     * its base is carried onto the version in force cell by cell ({@link ReleaseCarry#rebase}), and the result is
     * offered as a new upload by {@code who} (same checks, a new draft based on the version in force, its STORED action
     * naming the draft it replaces and what was carried). Cells the version in force changed too keep its value and
     * are listed. The old draft stays as it was.
     *
     * <p>Who may rebase a draft is who may upload it: the draft's change against its base must be within their
     * provinces, decided from the stored cells before anything is compiled.
     *
     * @throws NoSuchElementException when there is no such version
     * @throws Changer.Refused        with nothing stored, and the attempt logged
     * @throws NothingToRebase        when the version is not a draft made on a version no longer in force
     */
    synchronized Rebased rebase(String draftId, Changer who, String comment) {
        StoredVersion draft = store.find(draftId).orElseThrow();
        String basedOn = store.info(draftId).map(VersionInfo::basedOn).orElse(null);
        RulesetSnapshot inForce = snapshot();
        List<RuleFile> draftFiles = files(draft);
        List<RuleFile> baseFiles = basedOn == null ? List.of() : store.find(basedOn).map(ActiveRuleset::files).orElse(List.of());
        if (basedOn != null && !baseFiles.isEmpty()) {
            List<String> outside = who.outside(baseFiles, draftFiles, validator.areas());
            if (!outside.isEmpty()) throw refused(who.name(), versionId(), draftId, comment, new Changer.Refused("outside-scope",
                    "Draft " + draftId + " changes rules beyond " + who.name() + "'s provinces; nothing was stored.",
                    "Bản nháp " + draftId + " thay đổi quy tắc ngoài phạm vi tỉnh của " + who.name() + "; không có gì được lưu.", outside));
        }
        if (staleBase(draftId, inForce.versionId()).isEmpty() || baseFiles.isEmpty()) {
            throw new NothingToRebase(draftId, basedOn, inForce.versionId());
        }
        Optional<Rebased> before = rebasedBefore(draftId, basedOn, inForce.versionId());
        if (before.isPresent()) return before.get();
        ReleaseCarry.Result carry = ReleaseCarry.rebase(baseFiles, draftFiles, inForce.files());
        String said = comment != null ? comment : "Bản nháp " + draftId.substring(0, 12) + " cập nhật theo phiên bản đang áp dụng "
                + inForce.versionId().substring(0, 12) + " / draft " + draftId.substring(0, 12) + " made again on the version in force "
                + inForce.versionId().substring(0, 12);
        RebaseDetails d = new RebaseDetails(draftId, basedOn, carry.carried(), carry.reenter());
        Offer offer = offer(carry.files(), UPLOAD, who, said, false, json.writeValueAsString(d), null);
        return new Rebased(offer, draftId, inForce.versionId(), carry.carried(), carry.reenter(), false);
    }

    /**
     * The draft an earlier rebase of this draft made on the version in force, as stored then: a double click or a
     * retried call answers with it. Rebasing again would store another draft of the same cells under another id: a
     * workbook written seconds later is not the same bytes (a zip's entries carry the time they were written).
     */
    private Optional<Rebased> rebasedBefore(String draftId, String basedOn, String inForce) {
        return store.actions(inForce).stream()
                .filter(a -> "STORED".equals(a.action()) && inForce.equals(a.fromVersion()) && a.detailsJson() != null)
                .flatMap(a -> {
                    RebaseDetails d = json.readValue(a.detailsJson(), RebaseDetails.class);
                    return draftId.equals(d.rebaseOf()) && java.util.Objects.equals(basedOn, d.draftBasedOn())
                            ? java.util.stream.Stream.of(new Rebased(new Offer(a.toVersion(), Offer.Result.EXISTING, null, false),
                                    draftId, inForce, d.carried(), d.conflicts(), true))
                            : java.util.stream.Stream.empty();
                })
                .findFirst();
    }

    /** What the STORED action of a rebased draft records: the draft it replaces and its base, the cells carried and those both changed. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record RebaseDetails(String rebaseOf, String draftBasedOn, List<ReleaseCarry.Moved> carried,
                         List<ReleaseCarry.Moved> conflicts) {}

    /**
     * What a rebase made: the new draft (or the stored version its files match, or the report that refused them), the
     * draft it replaces, the version in force it is based on, the cells carried and those both sides changed.
     *
     * @param again the draft an earlier rebase of the same draft made on the version in force; nothing was stored now
     */
    record Rebased(Offer offer, String replaces, String basedOn, List<ReleaseCarry.Moved> carried,
                          List<ReleaseCarry.Moved> conflicts, boolean again) {}

    /** Not a draft made on a version no longer in force: there is nothing to carry onto the version in force. */
    static final class NothingToRebase extends RuntimeException {
        public final String messageVi;
        public final String inForce;

        private NothingToRebase(String versionId, String basedOn, String inForce) {
            super("Version " + versionId + " is not a draft made on a version no longer in force (based on "
                    + basedOn + "; " + inForce + " is in force): there is nothing to rebase.");
            this.messageVi = "Phiên bản " + StaleBase.shortId(versionId) + " không phải bản nháp soạn trên một phiên bản"
                    + " nay không còn áp dụng (phiên bản đang áp dụng là " + StaleBase.shortId(inForce)
                    + "): không có gì cần cập nhật.";
            this.inForce = inForce;
        }
    }

    private static List<RuleFile> files(StoredVersion v) {
        return v.files().stream().map(f -> new RuleFile(f.path(), f.content())).toList();
    }

    /**
     * Puts a stored version in force; activating an earlier one is the rollback. A person never approves a version
     * they uploaded themselves, and only within their provinces (see {@link Changer#outside}).
     *
     * <p>A draft says what its author changed against its base. Once another version is in force, putting the draft's
     * files in force would also undo whatever that version changed since the base, which nobody asked for (a lost
     * update). So a person activates such a draft only by naming the version in force they compared it with
     * ({@code reviewedAgainst}), and any activation naming one is refused when another is in force by then.
     *
     * @param reviewedAgainst the version in force the caller compared this one with, or null
     * @throws Changer.Refused with nothing changed, and the attempt logged
     * @throws StaleBase       with nothing changed, and the attempt logged
     */
    public synchronized Activated activate(String versionId, Changer who, String comment, String reviewedAgainst) {
        try {
            RulesetSnapshot known = validated.get(versionId);
            RulesetSnapshot next = known != null ? known : cache.get(versionId);
            String basedOn = store.info(versionId).map(VersionInfo::basedOn).orElse(null);
            String inForce = inForceInDatabase().orElseGet(this::versionId);
            boolean stale = staleBase(versionId, inForce).isPresent();
            String details = null;
            if (who.person()) {
                String author = store.info(versionId).map(VersionInfo::author).orElse(null);
                if (who.name().equals(author)) throw refused(who.name(), versionId(), versionId, comment, new Changer.Refused(
                        "own-upload", "Version " + versionId + " was uploaded by " + author + "; another approver must put it in force.",
                        "Phiên bản " + versionId + " do " + author + " tải lên; người khác phải phê duyệt áp dụng.", List.of()));
                if (reviewedAgainst != null && !reviewedAgainst.equals(inForce)) {
                    throw staleBase(who.name(), versionId, comment, StaleBase.inForceChanged(versionId, basedOn, inForce, reviewedAgainst));
                }
                if (stale && reviewedAgainst == null) {
                    throw staleBase(who.name(), versionId, comment, StaleBase.unconfirmed(versionId, basedOn, inForce));
                }
                List<String> outside = who.outside(snapshot(), next, validator.areas());
                if (!outside.isEmpty()) throw refused(who.name(), versionId(), versionId, comment, new Changer.Refused(
                        "outside-scope", "Putting " + versionId + " in force changes rules beyond " + who.name() + "'s provinces.",
                        "Áp dụng " + versionId + " làm thay đổi quy tắc ngoài phạm vi tỉnh của " + who.name() + ".", outside));
                if (stale) details = json.writeValueAsString(Map.of("basedOn", String.valueOf(basedOn), "confirmedAgainst", inForce));
            }
            activate(next, who.name(), comment, details);
            return new Activated(next, basedOn, stale);
        } catch (RulesetBuildException e) {
            throw new IllegalStateException("stored version " + versionId + " does not build: " + e.getMessage(), e);
        }
    }

    /**
     * The base of a draft made on another version than {@code inForce}, whose files would undo what that version changed
     * since; empty for a draft made on it, for a version that was in force before (putting it back is a rollback and
     * says so) and for the first version, which has no base.
     */
    Optional<String> staleBase(String versionId, String inForce) {
        String basedOn = store.info(versionId).map(VersionInfo::basedOn).orElse(null);
        if (basedOn == null || basedOn.equals(inForce) || versionId.equals(inForce) || store.everActivated().contains(versionId)) {
            return Optional.empty();
        }
        return Optional.of(basedOn);
    }

    /** What an activation did: {@code staleBase} when the version was a draft made on another version than the one replaced. */
    public record Activated(RulesetSnapshot snapshot, String basedOn, boolean staleBase) {}

    /** Without a version compared with: what the folder watcher and the start-up put in force, as their files say. */
    RulesetSnapshot activate(String versionId, Changer who, String comment) {
        return activate(versionId, who, comment, null).snapshot();
    }

    /**
     * A draft made on a version no longer in force, not confirmed against the one in force; or a confirmation against
     * a version that is no longer in force (someone else activated another in between).
     */
    public static final class StaleBase extends RuntimeException {
        public final String code;
        public final String messageVi;
        public final String versionId;
        public final String basedOn;
        public final String inForce;

        private StaleBase(String code, String message, String messageVi, String versionId, String basedOn, String inForce) {
            super(message);
            this.code = code;
            this.messageVi = messageVi;
            this.versionId = versionId;
            this.basedOn = basedOn;
            this.inForce = inForce;
        }

        static StaleBase unconfirmed(String versionId, String basedOn, String inForce) {
            return new StaleBase("stale-base", "Version " + versionId + " was made on " + basedOn + ", which is no longer in"
                    + " force; " + inForce + " is. Putting it in force would also undo what " + inForce + " changed since."
                    + " Upload the change again on top of " + inForce + ", or compare " + inForce + " with " + versionId
                    + " and confirm by sending \"inForce\": \"" + inForce + "\".",
                    "Phiên bản " + shortId(versionId) + " được soạn trên phiên bản " + shortId(basedOn) + ", nay không còn áp"
                    + " dụng; phiên bản đang áp dụng là " + shortId(inForce) + ". Áp dụng nó sẽ bỏ cả các thay đổi đã duyệt"
                    + " trong " + shortId(inForce) + ". Hãy tải thay đổi lên lại trên phiên bản đang áp dụng, hoặc xem so sánh"
                    + " với phiên bản đang áp dụng rồi xác nhận (gửi \"inForce\": \"" + inForce + "\").", versionId, basedOn, inForce);
        }

        static StaleBase inForceChanged(String versionId, String basedOn, String inForce, String reviewed) {
            return new StaleBase("in-force-changed", "The activation of " + versionId + " was confirmed against " + reviewed
                    + ", but " + inForce + " is in force now. Compare " + inForce + " with " + versionId + " and confirm again.",
                    "Việc áp dụng " + shortId(versionId) + " được xác nhận so với phiên bản " + shortId(reviewed)
                    + ", nhưng phiên bản đang áp dụng nay là " + shortId(inForce) + ". Hãy xem lại so sánh và xác nhận lại.",
                    versionId, basedOn, inForce);
        }

        private static String shortId(String v) {
            return v == null ? "(không rõ)" : v.substring(0, Math.min(12, v.length()));
        }
    }

    private StaleBase staleBase(String actor, String versionId, String comment, StaleBase e) {
        Map<String, String> d = new java.util.LinkedHashMap<>();
        d.put("reason", e.code);
        d.put("basedOn", String.valueOf(e.basedOn));
        d.put("inForce", e.inForce);
        store.recordAction("REFUSED", actor, versionId(), versionId, comment, json.writeValueAsString(d));
        log.warn("Activation of {} by {} refused ({}): based on {}, {} in force", versionId, actor, e.code, e.basedOn, e.inForce);
        return e;
    }

    /**
     * Record first, then act: the ACTIVATED row is committed (and chained) before any evaluation can run on the new
     * version, so nothing is ever decided under a version whose activation is not on the record. If recording fails,
     * nothing changes; a crash after it leaves the recorded version in force at the next start-up (both or neither).
     */
    private RulesetSnapshot activate(RulesetSnapshot next, String actor, String comment) {
        return activate(next, actor, comment, null);
    }

    /** @param details recorded with the ACTIVATED action (what was confirmed), or null */
    private RulesetSnapshot activate(RulesetSnapshot next, String actor, String comment, String details) {
        RulesetSnapshot previous = current.get();
        try {
            store.recordActivation(actor, previous == null ? null : previous.versionId(), next.versionId(), comment, details);
        } catch (RulesetStore.ActivatedMeanwhile e) {
            log.warn("Activation of {} by {} refused: {}", next.versionId(), actor, e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            log.error("Activation of {} by {} could not be recorded; nothing changed", next.versionId(), actor, e);
            throw new NotRecorded(next.versionId(), e);
        }
        afterRecording.run();
        current.set(next);
        if (previous != null) validated.put(previous.versionId(), previous);
        log.info("Ruleset {} activated by {} ({} profiles, {} criteria)", next.versionId(), actor,
                next.engine().policy().profiles().size(), next.engine().policy().criteria().size());
        return next;
    }

    /** The change could not be put on the record, so it was not made. */
    public static class NotRecorded extends RuntimeException {
        NotRecorded(String versionId, Throwable cause) {
            super("The activation of " + versionId + " could not be recorded; nothing was changed.", cause);
        }
    }

    /** Between committing an activation and switching to it: where a test puts a crash. */
    volatile Runnable afterRecording = () -> {};

    private Changer.Refused refused(String actor, String from, String to, String comment, Changer.Refused e) {
        store.recordAction("REFUSED", actor, from, to, comment, json.writeValueAsString(Map.of(
                "reason", e.code, "items", e.items)));
        log.warn("Ruleset change by {} refused ({}): {}", actor, e.code, e.items);
        return e;
    }

    private void storeVersion(RulesetValidator.Validated v, List<RuleFile> files, String origin, String author,
                              String comment, String basedOn) {
        store.saveIfAbsent(v.snapshot().versionId(), origin,
                files.stream().map(f -> new StoredFile(f.path(), f.content())).toList(), author, comment, basedOn,
                json.writeValueAsString(v.report()));
    }

    /**
     * A rejected upload is only an answer to its uploader; files on disk or in a watched folder that do not validate
     * mean the service runs on other rules than its files say, which health and the ruleset endpoint must show until
     * the files are fixed.
     */
    private void fail(RulesetValidator.Report report, String origin, List<RuleFile> files) {
        FailedLoad failure = new FailedLoad(Instant.now(), report.versionId(), origin, report.problems());
        if (!UPLOAD.equals(origin)) lastFailure.set(failure);
        store.recordLoadFailure(new LoadFailure(failure.at(), failure.versionId(), json.writeValueAsString(report)));
        String message = "RULE FILES REJECTED / BỘ QUY TẮC BỊ TỪ CHỐI ({} {} files): the version in force stays.\n  {}";
        // an upload's problems are answered to its uploader; an error here would let any editor fill the operators' alarms
        if (UPLOAD.equals(origin)) log.warn(message, origin, files.size(), describe(report));
        else log.error(message, origin, files.size(), describe(report));
    }

    private static String describe(RulesetValidator.Report report) {
        return String.join("\n  ", report.problems().stream().map(LoadProblem::describe).toList());
    }

    @Override
    public Engine current() {
        return current.get().engine();
    }

    public RulesetSnapshot snapshot() {
        return current.get();
    }

    public String versionId() {
        RulesetSnapshot s = current.get();
        return s == null ? null : s.versionId();
    }

    Optional<FailedLoad> lastFailure() {
        return Optional.ofNullable(lastFailure.get());
    }
}
