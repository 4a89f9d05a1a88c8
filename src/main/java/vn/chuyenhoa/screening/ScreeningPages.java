package vn.chuyenhoa.screening;

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

/** A screening uploaded as the JSON the API takes, and its stored answer as a page. */
@PageController
class ScreeningPages {

    /** A list page holds the latest ones; the API and the audit chain hold them all. */
    private static final int LISTED = 200;

    private final ScreeningStore screenings;
    private final ObjectMapper json;
    private final JsonUpload.Kind kind;

    ScreeningPages(ScreeningSubmissions submissions, ScreeningStore screenings, ObjectMapper json) {
        this.screenings = screenings;
        this.json = json;
        this.kind = new JsonUpload.Kind("/screenings", "submit.screening.title", "examples/screening-thanh-hoa.json",
                submissions::screen);
    }

    @GetMapping("/screenings/new")
    String form(Model model) {
        return JsonUpload.form(kind, model);
    }

    @PostMapping("/screenings/new")
    String screen(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String body,
                  Model model, HttpServletResponse response) throws IOException {
        return JsonUpload.submit(kind, file, body, model, response);
    }

    /** The stored screenings, newest first, for auditors and everyone who reads (opening one shows its page). */
    @GetMapping("/screenings")
    String list(Model model) {
        model.addAttribute("screenings", screenings.recent(LISTED));
        model.addAttribute("listed", LISTED);
        return "screenings";
    }

    @GetMapping("/screenings/{id}")
    String page(@PathVariable String id, Model model) {
        String stored = Ids.uuid(id).flatMap(screenings::findResponseJson).orElseThrow(() -> new PageNotFound(
                "Không có kết quả sàng lọc " + id + ".", "There is no screening " + id + "."));
        model.addAttribute("doc", json.readValue(stored, ScreeningDocument.class));
        return "screening";
    }
}
