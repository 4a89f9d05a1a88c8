package vn.chuyenhoa.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;
import vn.chuyenhoa.http.Submission;

/**
 * The upload form for officers without a program of their own: they upload (or paste) the JSON their provincial
 * system exports, the very body the API takes. The feature's own submission does the work, so the page refuses and
 * stores what the API would; this class only turns its answer into a page.
 */
public final class JsonUpload {

    /** Which form: its address, its title key, an example to show, and the feature's submission behind it. */
    public record Kind(String path, String titleKey, String example, Function<byte[], Submission> submit) {}

    private JsonUpload() {}

    public static String form(Kind kind, Model model) {
        return form(kind, "", List.of(), model);
    }

    /** An uploaded file wins over pasted text: the export is the record, the text box is for small corrections. */
    public static String submit(Kind kind, MultipartFile file, String pasted, Model model, HttpServletResponse response)
            throws IOException {
        byte[] body = file != null && !file.isEmpty() ? file.getBytes()
                : pasted == null ? new byte[0] : pasted.getBytes(StandardCharsets.UTF_8);
        String shown = new String(body, StandardCharsets.UTF_8);
        if (body.length == 0 || shown.isBlank()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(kind, "", List.of(new FormError("JSON",
                    "Chọn tệp JSON hoặc dán nội dung JSON.", "Choose a JSON file or paste the JSON.")), model);
        }
        Submission outcome = kind.submit().apply(body);
        if (outcome instanceof Submission.Invalid invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(kind, shown, FormJson.errors(invalid.errors()), model);
        }
        return SubmissionPages.redirect(outcome, kind.path(),
                "Bộ quy tắc đang áp dụng chưa có quy tắc cho việc này; không có gì được lưu.",
                "The ruleset in force has no rules for this; nothing was stored.");
    }

    private static String form(Kind kind, String body, List<FormError> errors, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("body", body);
        model.addAttribute("errors", errors);
        return "submit-json";
    }
}
