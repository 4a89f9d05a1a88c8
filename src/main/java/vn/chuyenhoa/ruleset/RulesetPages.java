package vn.chuyenhoa.ruleset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.chuyenhoa.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;
import vn.chuyenhoa.web.FormError;
import vn.chuyenhoa.http.Ids;
import vn.chuyenhoa.evaluation.ImpactJobs;
import vn.chuyenhoa.access.Caller;
import vn.chuyenhoa.access.Role;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.web.PageNotFound;

/**
 * Policy staff's pages: versions, upload with the validation report cell by cell, the policy diff, the impact preview,
 * activation and rollback (each confirmed, with a comment), and the current tables to download and edit.
 */
@PageController
class RulesetPages {

    public record VersionRow(String version, String status, VersionInfo info) {}

    private final ActiveRuleset active;
    private final RulesetStore store;
    private final SnapshotCache cache;
    private final ImpactJobs impact;
    private final ObjectMapper json;
    private final AreaDirectory areas;

    RulesetPages(ActiveRuleset active, RulesetStore store, SnapshotCache cache, ImpactJobs impact, ObjectMapper json,
                 AreaDirectory areas) {
        this.areas = areas;
        this.active = active;
        this.store = store;
        this.cache = cache;
        this.impact = impact;
        this.json = json;
    }

    @GetMapping("/rulesets")
    String versions(Model model) {
        Set<String> ever = store.everActivated();
        List<VersionRow> rows = store.infos().stream().map(v -> new VersionRow(v.versionId(), status(v.versionId(), ever), v)).toList();
        model.addAttribute("versions", rows);
        model.addAttribute("activeVersion", active.versionId());
        model.addAttribute("failure", active.lastFailure().orElse(null));
        return "rulesets";
    }

    @GetMapping("/rulesets/{version}")
    String version(@PathVariable String version, Model model) {
        String full = resolve(version);
        if (!full.equals(version)) return "redirect:/rulesets/" + full;
        versionPage(version, model, List.of(), null, null);
        return "ruleset";
    }

    /**
     * A version by its full id, or by the first characters every page shows (12) or more, when no other version
     * starts with them.
     */
    private String resolve(String version) {
        if (store.info(version).isPresent() || version.length() < SHORT_ID || version.length() >= 64) return version;
        List<String> matching = store.versionIds().stream().filter(id -> id.startsWith(version)).toList();
        if (matching.size() > 1) throw new PageNotFound("Có " + matching.size() + " phiên bản bắt đầu bằng " + version
                + "; hãy dùng mã đầy đủ (64 ký tự).", matching.size() + " versions start with " + version + "; use the full id (64 characters).");
        return matching.isEmpty() ? version : matching.get(0);
    }

    /** How many characters of a version id the pages show. */
    private static final int SHORT_ID = 12;

    private void versionPage(String version, Model model, List<FormError> impactErrors, String provinceCode, String profileId) {
        model.addAttribute("impactErrors", impactErrors);
        model.addAttribute("impactProvince", provinceCode);
        model.addAttribute("impactProfile", profileId);
        StoredVersion v = store.find(version).orElseThrow(() -> missing(version));
        VersionInfo info = store.info(version).orElseThrow(() -> missing(version));
        model.addAttribute("v", v);
        model.addAttribute("info", info);
        model.addAttribute("status", status(version, store.everActivated()));
        model.addAttribute("activeVersion", active.versionId());
        model.addAttribute("report", info.reportJson() == null ? null : json.readTree(info.reportJson()));
        model.addAttribute("warnings", warnings(version));
        // what happened to this version, apart from what was done on top of it while it was in force (an upload
        // refused, a draft stored): those are not this version's doing and are listed as such
        List<RulesetAction> actions = store.actions(version);
        model.addAttribute("actions", actions.stream().filter(a -> ownHistory(a, version)).toList());
        model.addAttribute("attempts", actions.stream().filter(a -> !ownHistory(a, version)).toList());
        model.addAttribute("mayApprove", mayApprove());
        model.addAttribute("mayUpload", mayUpload());
        model.addAttribute("release", release(version));
        model.addAttribute("rebase", rebase(version));
        model.addAttribute("staleBase", staleBase(version));
        model.addAttribute("rebaseErrors", List.of());
    }

    /**
     * A draft made on a version no longer in force, made again on the version in force by the editor who asks (see
     * {@link ActiveRuleset#rebase}): the new draft's page lists the cells both changed; a refusal, or files that do not
     * validate, are shown on the old draft's page.
     */
    @PostMapping("/rulesets/{version}/rebase")
    String rebase(@PathVariable String version, @RequestParam(required = false) String comment, Model model,
                  HttpServletResponse response) {
        String said = blank(comment);
        List<FormError> errors = new ArrayList<>();
        if (said != null) tooLong(said).ifPresent(errors::add);
        HttpStatus status = HttpStatus.BAD_REQUEST;
        if (errors.isEmpty()) {
            try {
                ActiveRuleset.Rebased done = active.rebase(version, Changer.of(Caller.required()), said);
                switch (done.offer().result()) {
                    case CREATED -> {
                        return "redirect:/rulesets/" + done.offer().versionId() + "?rebased";
                    }
                    case EXISTING -> {
                        return "redirect:/rulesets/" + done.offer().versionId() + (done.again() ? "?rebasedBefore" : "?existing");
                    }
                    case REJECTED -> {
                        status = HttpStatus.UNPROCESSABLE_CONTENT;
                        model.addAttribute("rebaseRejected", done.offer().report());
                        errors.add(new FormError("refused", "Bản nháp cập nhật theo phiên bản đang áp dụng không hợp lệ;"
                                + " không có gì được lưu. Xem các lỗi từng ô dưới đây.",
                                "The draft made again on the version in force does not validate; nothing was stored."
                                        + " See the problems cell by cell below."));
                    }
                }
            } catch (NoSuchElementException e) {
                throw missing(version);
            } catch (Changer.Refused e) {
                status = HttpStatus.FORBIDDEN;
                errors.addAll(refusal(e));
            } catch (ActiveRuleset.NothingToRebase e) {
                status = HttpStatus.CONFLICT;
                errors.add(new FormError("refused", e.messageVi, e.getMessage()));
            }
        }
        versionPage(version, model, List.of(), null, null);
        model.addAttribute("rebaseErrors", errors);
        response.setStatus(status.value());
        return "ruleset";
    }

    /** What a rebase carried onto the version in force and which cells both changed, if this version is one. */
    private RebaseView rebase(String version) {
        return store.actions(version).stream()
                .filter(a -> "STORED".equals(a.action()) && version.equals(a.toVersion()) && a.detailsJson() != null)
                .map(a -> json.readValue(a.detailsJson(), RebaseView.class))
                .filter(r -> r.rebaseOf() != null)
                .findFirst().orElse(null);
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    public record RebaseView(String rebaseOf, String draftBasedOn, List<Moved> carried, List<Moved> conflicts) {}

    /** Only those who may upload are offered to make a draft again on the version in force. */
    private static boolean mayUpload() {
        return Caller.current().map(c -> c.has(Role.RULE_EDITOR)).orElse(false);
    }

    /** Every file of the version in force in one zip, with their folders, to edit and upload again. */
    @GetMapping("/rulesets/current.zip")
    ResponseEntity<byte[]> currentZip() {
        RulesetSnapshot s = active.snapshot();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (RuleFile f : s.files()) {
                zip.putNextEntry(new ZipEntry(f.path()));
                zip.write(f.content());
                zip.closeEntry();
            }
            zip.finish();
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("bo-quy-tac-" + s.versionId().substring(0, 12) + ".zip").build().toString())
                    .body(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/rulesets/upload")
    String uploadForm(Model model) {
        model.addAttribute("errors", List.of());
        return "ruleset-upload";
    }

    @PostMapping("/rulesets/upload")
    String upload(@RequestParam(name = "files", required = false) List<MultipartFile> files,
                  @RequestParam(required = false) String comment, Model model, HttpServletResponse response) throws IOException {
        List<MultipartFile> given = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
        List<FormError> errors = new ArrayList<>();
        if (given.isEmpty()) errors.add(new FormError("files", "Chọn ít nhất một tệp bảng tiêu chí.", "Choose at least one table file."));
        if (comment == null || comment.isBlank()) errors.add(new FormError("comment", "Ghi nội dung và lý do thay đổi.", "Say what changes and why."));
        else tooLong(comment).ifPresent(errors::add);
        model.addAttribute("comment", comment);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", errors);
            return "ruleset-upload";
        }
        List<Map.Entry<String, byte[]>> uploaded = new ArrayList<>();
        for (MultipartFile f : given) uploaded.add(Map.entry(String.valueOf(f.getOriginalFilename()), f.getBytes()));
        ActiveRuleset.Offer offer;
        try {
            offer = active.upload(uploaded, false, Changer.of(Caller.required()), comment.strip());
        } catch (Changer.Refused e) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("errors", refusal(e));
            return "ruleset-upload";
        } catch (ActiveRuleset.UnusableFileName e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", List.of(new FormError("files", e.messageVi(), e.getMessage())));
            return "ruleset-upload";
        }
        switch (offer.result()) {
            case REJECTED -> {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                model.addAttribute("errors", List.of());
                model.addAttribute("rejected", offer.report());
                return "ruleset-upload";
            }
            case EXISTING -> {
                return "redirect:/rulesets/" + offer.versionId() + "?existing";
            }
            default -> {
                return "redirect:/rulesets/" + offer.versionId() + "?uploaded";
            }
        }
    }

    @GetMapping("/rulesets/diff")
    String diff(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        String a = from == null || from.isBlank() ? active.versionId() : resolve(from.strip());
        if (to == null || to.isBlank()) return "redirect:/rulesets";
        diff(snapshot(a), snapshot(resolve(to.strip())), model);
        return "ruleset-diff";
    }

    @PostMapping("/rulesets/{version}/impact")
    String startImpact(@PathVariable String version, @RequestParam(required = false) String provinceCode,
                       @RequestParam(required = false) String profileId, Model model, HttpServletResponse response) {
        RulesetSnapshot s = snapshot(version);
        String province = blank(provinceCode), profile = blank(profileId);
        // a filter that matches nothing would run and report "0 / 0": say which value is unknown instead
        List<FormError> errors = ImpactFilters.unknown(areas, s, null, province, profile).stream()
                .map(e -> new FormError(e.field(), e.messageVi(), e.message())).toList();
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            versionPage(version, model, errors, province, profile);
            return "ruleset";
        }
        ImpactJobs.Status job = impact.start(s.engine(), new ImpactJobs.Filter(null, province, profile, null, null, null));
        return "redirect:/impact-jobs/" + job.jobId();
    }

    @GetMapping("/impact-jobs/{id}")
    String impactJob(@PathVariable String id, Model model) {
        ImpactJobs.Status s = Ids.uuid(id).flatMap(impact::status).orElse(null);
        if (s == null) throw new PageNotFound("Không có lượt xem trước tác động " + id + ".", "There is no impact preview " + id + ".");
        model.addAttribute("job", s);
        // criteria by name, the code beside it: the version previewed names them, else the one in force
        var inForce = active.snapshot().engine().policy();
        var previewed = inForce;
        try {
            if (s.version() != null) previewed = cache.get(s.version()).engine().policy();
        } catch (RulesetBuildException | java.util.NoSuchElementException e) {
            // the preview ran, so the version built; names then come from the version in force
        }
        model.addAttribute("names", new PolicyDiff.Names(inForce, previewed));
        model.addAttribute("finished", "DONE".equals(s.state()) || "FAILED".equals(s.state()));
        return "impact";
    }

    @GetMapping("/rulesets/{version}/activate")
    String confirmActivation(@PathVariable String version, Model model) {
        String full = resolve(version);
        if (!full.equals(version)) return "redirect:/rulesets/" + full + "/activate";
        activationPage(version, model, List.of(), null);
        return "ruleset-activate";
    }

    /**
     * @param inForce the version in force the page compared this one with (a hidden field): refused if another is in
     *                force by now
     * @param undo    the second tick a draft made on a version no longer in force needs: its files would undo what the
     *                version in force changed since
     */
    @PostMapping("/rulesets/{version}/activate")
    String activate(@PathVariable String version, @RequestParam(required = false) String comment,
                    @RequestParam(required = false) String confirm, @RequestParam(required = false) String inForce,
                    @RequestParam(required = false) String undo, Model model, HttpServletResponse response) {
        List<FormError> errors = new ArrayList<>();
        if (comment == null || comment.isBlank()) errors.add(new FormError("comment", "Ghi ý kiến phê duyệt.", "Give the approval comment."));
        else tooLong(comment).ifPresent(errors::add);
        if (confirm == null) errors.add(new FormError("confirm", "Đánh dấu ô xác nhận.", "Tick the confirmation box."));
        if (staleBase(version) != null && undo == null) errors.add(new FormError("undo",
                "Đánh dấu ô xác nhận bỏ các thay đổi của phiên bản đang áp dụng mà bản nháp này không có.",
                "Tick the box confirming that the changes of the version in force this draft lacks are undone."));
        if (!errors.isEmpty()) {
            activationPage(version, model, errors, comment);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "ruleset-activate";
        }
        snapshot(version);
        // as on the API: putting the version in force in force again changes nothing and records nothing
        if (version.equals(active.versionId())) return "redirect:/rulesets/" + version + "?alreadyActive";
        String reviewed = blank(inForce);
        try {
            active.activate(version, Changer.of(Caller.required()), comment.strip(),
                    reviewed != null || undo == null ? reviewed : active.versionId());
        } catch (Changer.Refused e) {
            activationPage(version, model, refusal(e), comment);
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return "ruleset-activate";
        } catch (ActiveRuleset.StaleBase e) {
            activationPage(version, model, List.of(new FormError("refused", e.messageVi, e.getMessage())), comment);
            response.setStatus(HttpStatus.CONFLICT.value());
            return "ruleset-activate";
        } catch (ActiveRuleset.NotRecorded e) {
            activationPage(version, model, List.of(new FormError("refused",
                    "Không ghi được việc áp dụng vào nhật ký nên không có gì thay đổi; hãy thử lại sau.",
                    "The activation could not be recorded, so nothing changed; try again later.")), comment);
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            return "ruleset-activate";
        } catch (RulesetStore.ActivatedMeanwhile e) {
            activationPage(version, model, List.of(new FormError("refused",
                    "Trong lúc này đã có một phiên bản khác được áp dụng (" + e.inForce() + "); không có gì thay đổi.",
                    "Another version was put in force meanwhile (" + e.inForce() + "); nothing changed.")), comment);
            response.setStatus(HttpStatus.CONFLICT.value());
            return "ruleset-activate";
        }
        return "redirect:/rulesets/" + version + "?activated";
    }

    private static java.util.Optional<FormError> tooLong(String comment) {
        int n = comment.strip().length();
        return n <= ActiveRuleset.MAX_COMMENT ? java.util.Optional.empty() : java.util.Optional.of(new FormError("comment",
                "Nội dung dài " + n + " ký tự; chỉ được tối đa " + ActiveRuleset.MAX_COMMENT + " ký tự.",
                "The comment is " + n + " characters long; at most " + ActiveRuleset.MAX_COMMENT + " are kept."));
    }

    /** Done to this version (stored, put in force or refused it, replaced by another) rather than on top of it. */
    private static boolean ownHistory(RulesetAction a, String version) {
        return version.equals(a.toVersion()) || "ACTIVATED".equals(a.action());
    }

    /** What a new release carried over from uploads and what must be entered again, if this version is one. */
    private ReleaseView release(String version) {
        return store.actions(version).stream()
                .filter(a -> "STORED".equals(a.action()) && version.equals(a.toVersion()) && a.detailsJson() != null)
                .map(a -> json.readValue(a.detailsJson(), ReleaseView.class))
                .filter(r -> r.carried() != null && r.reenter() != null)
                .findFirst().orElse(null);
    }

    public record Moved(String file, String sheet, String cell, String value, String releaseValue, String reasonVi,
                        String reasonEn) {}

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    public record ReleaseView(String release, List<Moved> carried, List<Moved> reenter) {}

    /** Only an approver is offered to put a version in force (the link would only lead an editor to a refusal). */
    private static boolean mayApprove() {
        return Caller.current().map(c -> c.has(Role.RULE_APPROVER)).orElse(false);
    }

    /** A refused change as form errors: why, then each thing outside the changer's reach. */
    private static List<FormError> refusal(Changer.Refused e) {
        List<FormError> errors = new ArrayList<>();
        errors.add(new FormError("refused", e.messageVi, e.getMessage()));
        for (String item : e.items) {
            String[] both = item.split(" / ", 2);
            errors.add(new FormError("refused", both[0], both.length > 1 ? both[1] : both[0]));
        }
        return errors;
    }

    private void activationPage(String version, Model model, List<FormError> errors, String comment) {
        RulesetSnapshot target = snapshot(version);
        Set<String> ever = store.everActivated();
        model.addAttribute("version", version);
        model.addAttribute("status", status(version, ever));
        model.addAttribute("rollback", ever.contains(version) && !version.equals(active.versionId()));
        model.addAttribute("activeVersion", active.versionId());
        model.addAttribute("warnings", warnings(version));
        // compared with the version it would replace, never with its own base: that is what putting it in force changes
        diff(active.snapshot(), target, model);
        model.addAttribute("staleBase", staleBase(version));
        model.addAttribute("mayUpload", mayUpload());
        // what the approver decides on: the diff above and what the version would change in stored verdicts
        ImpactJobs.Status latest = impact.latestFor(version).orElse(null);
        model.addAttribute("impact", latest);
        model.addAttribute("errors", errors);
        model.addAttribute("comment", comment);
    }

    /** The warnings of a version's validation report ({@link UnitWarnings}): cells whoever approves it must check. */
    private List<tools.jackson.databind.JsonNode> warnings(String version) {
        List<tools.jackson.databind.JsonNode> out = new ArrayList<>();
        store.info(version).map(VersionInfo::reportJson).map(json::readTree).map(r -> r.get("warnings"))
                .ifPresent(w -> w.forEach(out::add));
        return out;
    }

    /** The base of a draft made on a version no longer in force (see {@link ActiveRuleset#staleBase}), or null. */
    private String staleBase(String version) {
        return active.staleBase(version, active.versionId()).orElse(null);
    }

    /** The policy diff and the names of what it changes, as the diff fragment shows them. */
    private static void diff(RulesetSnapshot from, RulesetSnapshot to, Model model) {
        model.addAttribute("diff", PolicyDiff.between(from, to));
        model.addAttribute("names", new PolicyDiff.Names(from.engine().policy(), to.engine().policy()));
    }

    private RulesetSnapshot snapshot(String version) {
        try {
            return cache.get(version);
        } catch (NoSuchElementException e) {
            throw missing(version);
        } catch (RulesetBuildException e) {
            throw new PageNotFound("Phiên bản " + version + " không biên dịch được: " + e.getMessage(),
                    "Version " + version + " does not build: " + e.getMessage());
        }
    }

    private String status(String version, Set<String> everActivated) {
        return version.equals(active.versionId()) ? "ACTIVE" : everActivated.contains(version) ? "RETIRED" : "DRAFT";
    }

    private static PageNotFound missing(String version) {
        return new PageNotFound("Không có phiên bản bộ quy tắc " + version + ".", "There is no ruleset version " + version + ".");
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }


}
