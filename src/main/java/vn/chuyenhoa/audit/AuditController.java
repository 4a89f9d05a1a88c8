package vn.chuyenhoa.audit;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.chuyenhoa.audit.ChainVerifier.Problem;
import vn.chuyenhoa.audit.ChainVerifier.Report;
import vn.chuyenhoa.http.ApiDescription;

/**
 * Whether the tamper-evident trail is intact: as JSON for systems, and as a minimal page for people (plain HTML,
 * Vietnamese first with the English alongside; to be restyled with the rest of the web pages).
 */
@RestController
@Tag(name = ApiDescription.AUDIT)
class AuditController {

    private final ChainVerifier verifier;
    private final HeadFile headFile;

    AuditController(ChainVerifier verifier, HeadFile headFile) {
        this.verifier = verifier;
        this.headFile = headFile;
    }

    @Operation(operationId = "verifyAuditChain", summary = "Verify the audit chain / Kiểm tra chuỗi kiểm toán",
            description = "Recomputes every batch of the chain from the rows stored now, checks every link and that every"
                    + " head written to the head file is on the chain. intact=false names the first break.")
    @GetMapping(path = "/api/v1/audit/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    Report verify() {
        return verifier.verify();
    }

    @GetMapping(path = "/audit/verify", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page() {
        Report r = verifier.verify();
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Kiểm tra chuỗi kiểm toán / Audit chain check</title><style>")
                .append("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}")
                .append(".en{color:#555;font-style:italic}.ok{background:#e6f4ea;border-left:6px solid #1e7d32;padding:.8rem}")
                .append(".broken{background:#fdecea;border-left:6px solid #b3261e;padding:.8rem}")
                .append("table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem;text-align:left;")
                .append("vertical-align:top}code{word-break:break-all}</style></head><body>\n")
                .append("<h1>Kiểm tra chuỗi kiểm toán <span class=\"en\">/ Audit chain check</span></h1>\n");
        h.append("<div id=\"verdict\" class=\"").append(r.intact() ? "ok" : "broken").append("\" data-intact=\"")
                .append(r.intact()).append("\"><strong>")
                .append(r.intact() ? "NGUYÊN VẸN" : "KHÔNG NGUYÊN VẸN").append("</strong> <span class=\"en\">(")
                .append(r.intact() ? "INTACT" : "NOT INTACT").append(")</span><p>").append(esc(r.messageVi()))
                .append("</p><p class=\"en\">").append(esc(r.messageEn())).append("</p></div>\n");
        h.append("<table>\n");
        row(h, "Đầu chuỗi (lô, mã băm)", "Chain head (batch, hash)",
                "<code id=\"head\">" + r.head().seq() + " " + esc(r.head().hash()) + "</code>");
        row(h, "Số lô, số bản ghi đã kiểm tra", "Batches, rows checked", r.batchesChecked() + " / " + r.rowsChecked());
        row(h, "Tệp mã đầu chuỗi", "Head file", "<code>" + esc(r.headFile().path()) + "</code>, "
                + r.headFile().headsRecorded() + " dòng / lines; ghi mỗi / written every " + headFile.interval());
        row(h, "Dòng cuối của tệp", "Last line of the file", r.headFile().lastLine() == null ? "—"
                : "<code>" + esc(r.headFile().lastLine()) + "</code> — " + (Boolean.TRUE.equals(r.headFile().lastLineOnChain())
                        ? "có trong chuỗi / on the chain" : "KHÔNG có trong chuỗi / NOT on the chain"));
        row(h, "Thời điểm kiểm tra", "Checked at", esc(String.valueOf(r.checkedAt())));
        h.append("</table>\n");
        if (!r.intact()) {
            h.append("<h2>Các lỗi <span class=\"en\">/ Problems</span> (").append(r.problemCount())
                    .append(")</h2>\n<table><tr><th>Lô / Batch</th><th>Lỗi / Problem</th><th>Bản ghi / Row</th>")
                    .append("<th>Đã ghi / Stored</th><th>Tính lại / Recomputed</th><th>Mô tả / Description</th></tr>\n");
            for (Problem p : r.problems()) {
                h.append("<tr><td>").append(p.seq() == null ? "—" : p.seq()).append("</td><td>").append(esc(p.problem()))
                        .append("</td><td>").append(p.table() == null ? "—" : esc(p.table() + " " + p.key()))
                        .append("</td><td><code>").append(esc(String.valueOf(p.stored()))).append("</code></td><td><code>")
                        .append(esc(String.valueOf(p.recomputed()))).append("</code></td><td>").append(esc(p.messageVi()))
                        .append("<br><span class=\"en\">").append(esc(p.messageEn())).append("</span></td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<p>JSON: <a href=\"/api/v1/audit/verify\">/api/v1/audit/verify</a></p></body></html>\n");
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(h.toString());
    }

    private static void row(StringBuilder h, String vi, String en, String valueHtml) {
        h.append("<tr><th>").append(vi).append(" <span class=\"en\">/ ").append(en).append("</span></th><td>")
                .append(valueHtml).append("</td></tr>\n");
    }

    private static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
