package vn.chuyenhoa.monitoring;

import java.io.IOException;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;
import vn.chuyenhoa.http.Ids;
import vn.chuyenhoa.web.JsonUpload;
import vn.chuyenhoa.web.PageController;
import vn.chuyenhoa.web.PageNotFound;

/** A monitoring report uploaded as the JSON the API takes, and its stored answer as a page. */
@PageController
class MonitoringPages {

    /** A list page holds the latest ones; the API and the audit chain hold them all. */
    private static final int LISTED = 200;

    private final MonitoringStore reports;
    private final ObjectMapper json;
    private final JsonUpload.Kind kind;
    private final AreaRecords records;

    MonitoringPages(MonitoringSubmissions submissions, MonitoringStore reports, ObjectMapper json,
                    AreaRecords records) {
        this.records = records;
        this.reports = reports;
        this.json = json;
        this.kind = new JsonUpload.Kind("/monitoring-reports", "submit.monitoring.title",
                "examples/monitoring-xa-ngoc-lac-relapsed.json", submissions::monitor);
    }

    @GetMapping("/monitoring-reports/new")
    String form(Model model) {
        return JsonUpload.form(kind, model);
    }

    @PostMapping("/monitoring-reports/new")
    String monitor(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String body,
                  Model model, HttpServletResponse response) throws IOException {
        return JsonUpload.submit(kind, file, body, model, response);
    }

    /** The stored monitoring reports, newest first, for auditors and everyone who reads. */
    @GetMapping("/monitoring-reports")
    String list(Model model) {
        model.addAttribute("reports", reports.recent(LISTED));
        model.addAttribute("listed", LISTED);
        return "monitoring-reports";
    }

    @GetMapping("/monitoring-reports/{id}")
    String page(@PathVariable String id, Model model) {
        String stored = Ids.uuid(id).flatMap(reports::findResponseJson).orElseThrow(() -> new PageNotFound(
                "Không có báo cáo theo dõi " + id + ".", "There is no monitoring report " + id + "."));
        model.addAttribute("doc", json.readValue(stored, MonitoringDocument.class));
        // the area's record in the programme, where a RELAPSED or STABLE step is recorded from this report
        model.addAttribute("record", Ids.uuid(id).flatMap(reports::find).flatMap(records::recordOf).orElse(null));
        return "monitoring";
    }
}
