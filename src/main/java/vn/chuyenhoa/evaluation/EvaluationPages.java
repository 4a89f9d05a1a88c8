package vn.chuyenhoa.evaluation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.chuyenhoa.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import tools.jackson.databind.ObjectMapper;
import vn.chuyenhoa.http.Ids;
import vn.chuyenhoa.ruleset.RulesetBuildException;
import vn.chuyenhoa.ruleset.SnapshotCache;
import vn.chuyenhoa.web.PageAdvice;
import vn.chuyenhoa.web.PageNotFound;

/** The auditor's pages: home, the searchable list with its exports, one evaluation (printable, PDF) and its replay. */
@PageController
class EvaluationPages {

    private final EvaluationStore store;
    private final EvaluationFinder finder;
    private final SnapshotCache versions;
    private final Reevaluations reevaluations;
    private final Exports exports;
    private final ObjectMapper json;
    private final EngineSource engines;
    private final RecordChecks checks;
    private final MessageSource messages;
    private final ReplayFindings findings;

    EvaluationPages(EvaluationStore store, EvaluationFinder finder, SnapshotCache versions, Reevaluations reevaluations,
                    Exports exports, ObjectMapper json, EngineSource engines, RecordChecks checks,
                    MessageSource messages, ReplayFindings findings) {
        this.findings = findings;
        this.checks = checks;
        this.messages = messages;
        this.store = store;
        this.finder = finder;
        this.versions = versions;
        this.reevaluations = reevaluations;
        this.exports = exports;
        this.json = json;
        this.engines = engines;
    }

    @GetMapping("/")
    String home() {
        return "home";
    }

    @GetMapping("/evaluations")
    String list(EvaluationQuery q, Model model, Locale locale) {
        model.addAttribute("q", q);
        // the list names each profile as the tables in force do; a profile they no longer have keeps its code
        boolean en = "en".equals(locale.getLanguage());
        model.addAttribute("profileNames", engines.current().policy().profiles().stream()
                .filter(p -> (en ? p.labelEn() : p.labelVi()) != null)
                .collect(java.util.stream.Collectors.toMap(Profile::id, p -> en ? p.labelEn() : p.labelVi(), (a, b) -> a)));
        model.addAttribute("verdicts", Verdict.values());
        model.addAttribute("sizes", EvaluationQuery.SIZES);
        List<EvaluationQuery.Problem> problems = q.problems();
        model.addAttribute("problems", problems);
        if (problems.isEmpty()) {
            EvaluationFinder.Found found = finder.find(q);
            model.addAttribute("result", found.page());
            model.addAttribute("truncated", found.truncated());
            model.addAttribute("scanLimit", EvaluationFinder.SCAN_LIMIT);
            model.addAttribute("prev", q.page() > 0 ? q.link("/evaluations", q.page() - 1) : null);
            model.addAttribute("next", q.page() + 1 < found.page().totalPages() ? q.link("/evaluations", q.page() + 1) : null);
            model.addAttribute("csv", q.link("/evaluations.csv", null));
            model.addAttribute("xlsx", q.link("/evaluations.xlsx", null));
        }
        return "evaluations";
    }

    @GetMapping("/evaluations.csv")
    ResponseEntity<byte[]> csv(EvaluationQuery q, Locale locale) {
        List<EvaluationSummary> rows = q.problems().isEmpty() ? finder.all(q) : List.of();
        return download(exports.csv(rows, locale), "danh-gia.csv", new MediaType("text", "csv", StandardCharsets.UTF_8));
    }

    @GetMapping("/evaluations.xlsx")
    ResponseEntity<byte[]> xlsx(EvaluationQuery q, Locale locale) {
        List<EvaluationSummary> rows = q.problems().isEmpty() ? finder.all(q) : List.of();
        return download(exports.xlsx(rows, locale), "danh-gia.xlsx",
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    @GetMapping("/evaluations/{id}")
    String evaluation(@PathVariable String id, Model model, Locale locale) {
        show(record(id), model, locale);
        return "evaluation";
    }

    @GetMapping("/evaluations/{id}/print")
    String print(@PathVariable String id, Model model, Locale locale) {
        show(record(id), model, locale);
        model.addAttribute("printing", true);
        return "evaluation";
    }

    @GetMapping("/evaluations/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String id, Locale locale) {
        EvaluationRecord r = record(id);
        EvaluationDocument doc = document(r);
        return download(exports.pdf(doc, store.status(r.id()), locale), "ho-so-" + r.areaCode() + "-" + r.periodTo() + ".pdf",
                MediaType.APPLICATION_PDF);
    }

    /** Re-runs the stored request on the version it recorded; changes nothing, so it needs no confirmation. */
    @PostMapping("/evaluations/{id}/replay")
    String replay(@PathVariable String id, Model model, Locale locale) {
        EvaluationRecord r = record(id);
        show(r, model, locale);
        // the language links re-open the evaluation's page, not the POST's address
        model.addAttribute("langVi", PageAdvice.languageLink("/evaluations/" + r.id(), "vi"));
        model.addAttribute("langEn", PageAdvice.languageLink("/evaluations/" + r.id(), "en"));
        try {
            Reevaluations.Rerun rerun = reevaluations.rerun(r, versions.get(r.rulesetVersion()).engine());
            model.addAttribute("replay", rerun);
            model.addAttribute("replayVerdict", rerun.document() == null ? null : rerun.document().verdict().name());
            model.addAttribute("finding", findings.of(rerun, json.readTree(r.responseJson()), locale));
        } catch (RulesetBuildException | NoSuchElementException e) {
            model.addAttribute("replayError", e.getMessage());
        }
        return "evaluation";
    }

    private void show(EvaluationRecord r, Model model, Locale locale) {
        model.addAttribute("record", r);
        model.addAttribute("doc", document(r));
        model.addAttribute("status", store.status(r.id()));
        // the page shows the document; whether the row is still as chained is said here, not only on /audit/verify
        RecordChecks.RecordCheck check = checks.check(r);
        model.addAttribute("check", check);
        model.addAttribute("mismatchLines", check.mismatches().stream().map(m -> messages.getMessage("record.mismatch",
                new Object[] {messages.getMessage("record.column." + m.column(), null, locale),
                        shown(m.column(), m.stored(), locale), shown(m.column(), m.document(), locale)}, locale)).toList());
    }

    /** A stored column's value as the page says it: verdicts and purposes in words, dates as dd/mm/yyyy. */
    private String shown(String column, String value, Locale locale) {
        if (value == null) return "—";
        return switch (column) {
            case "verdict", "purpose" -> "«" + messages.getMessage(column + "." + value, null, value, locale) + "»";
            case "period_from", "period_to" -> {
                try {
                    yield vn.chuyenhoa.kernel.Dates.format(java.time.LocalDate.parse(value));
                } catch (java.time.format.DateTimeParseException e) {
                    yield "«" + value + "»";
                }
            }
            default -> "«" + value + "»";
        };
    }

    private EvaluationDocument document(EvaluationRecord r) {
        return json.readValue(r.responseJson(), EvaluationDocument.class);
    }

    private EvaluationRecord record(String id) {
        return Ids.uuid(id).flatMap(store::find).orElseThrow(() -> new PageNotFound("Không có kết quả đánh giá " + id + ".", "There is no evaluation " + id + "."));
    }

    private static ResponseEntity<byte[]> download(byte[] body, String name, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
