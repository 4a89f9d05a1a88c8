package vn.chuyenhoa.ruleset;

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
     * An empty database is seeded from the files; otherwise the version last activated is put back in force. Files on
     * disk that did not change since they were last seen leave it there (a restart never undoes an approval); files
     * that changed are a new release, offered like any other change (see {@link #offerRelease}). Only with nothing
     * stored and files that do not validate does start-up stop: there would be no rules to answer with.
     */
    private void start(boolean activateFiles) {
        List<RuleFile> files = files();
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
        // program text unchanged) and the caller's provinces cover every row it changes
        RulesetSnapshot base = current.get();
        RulesetValidator.Prechecked pre = validator.precheck(files, UPLOAD.equals(origin) && base != null ? base.files() : null);
        if (!pre.passed()) return rejected(pre.report(), origin, files, actor, comment, versionId);
        List<String> outside = base == null ? List.of() : who.outside(base.files(), files, validator.areas());
        if (!outside.isEmpty()) throw refused(actor, versionId(), null, comment, new Changer.Refused("outside-scope",
                "The change reaches beyond " + actor + "'s provinces; nothing was stored.",
                "Thay đổi vượt ra ngoài phạm vi tỉnh của " + actor + "; không có gì được lưu.", outside));
        RulesetValidator.Validated v = validator.compile(files, origin);
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
     * Puts a stored version in force; activating an earlier one is the rollback. A person never approves a version
     * they uploaded themselves, and only within their provinces (see {@link Changer#outside}).
     *
     * @throws Changer.Refused with nothing changed, and the attempt logged
     */
    public synchronized RulesetSnapshot activate(String versionId, Changer who, String comment) {
        try {
            RulesetSnapshot known = validated.get(versionId);
            RulesetSnapshot next = known != null ? known : cache.get(versionId);
            if (who.person()) {
                String author = store.info(versionId).map(VersionInfo::author).orElse(null);
                if (who.name().equals(author)) throw refused(who.name(), versionId(), versionId, comment, new Changer.Refused(
                        "own-upload", "Version " + versionId + " was uploaded by " + author + "; another approver must put it in force.",
                        "Phiên bản " + versionId + " do " + author + " tải lên; người khác phải phê duyệt áp dụng.", List.of()));
                List<String> outside = who.outside(snapshot(), next, validator.areas());
                if (!outside.isEmpty()) throw refused(who.name(), versionId(), versionId, comment, new Changer.Refused(
                        "outside-scope", "Putting " + versionId + " in force changes rules beyond " + who.name() + "'s provinces.",
                        "Áp dụng " + versionId + " làm thay đổi quy tắc ngoài phạm vi tỉnh của " + who.name() + ".", outside));
            }
            return activate(next, who.name(), comment);
        } catch (RulesetBuildException e) {
            throw new IllegalStateException("stored version " + versionId + " does not build: " + e.getMessage(), e);
        } catch (NoSuchElementException e) {
            throw e;
        }
    }

    /**
     * Record first, then act: the ACTIVATED row is committed (and chained) before any evaluation can run on the new
     * version, so nothing is ever decided under a version whose activation is not on the record. If recording fails,
     * nothing changes; a crash after it leaves the recorded version in force at the next start-up (both or neither).
     */
    private RulesetSnapshot activate(RulesetSnapshot next, String actor, String comment) {
        RulesetSnapshot previous = current.get();
        try {
            store.recordAction("ACTIVATED", actor, previous == null ? null : previous.versionId(), next.versionId(), comment, null);
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
