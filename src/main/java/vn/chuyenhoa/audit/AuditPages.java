package vn.chuyenhoa.audit;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.chuyenhoa.web.PageController;

/** The audit-chain check as a page of the site, for auditors and everyone who reads: header, navigation, language. */
@PageController
class AuditPages {

    private final ChainVerifier verifier;
    private final HeadFile headFile;

    AuditPages(ChainVerifier verifier, HeadFile headFile) {
        this.verifier = verifier;
        this.headFile = headFile;
    }

    @GetMapping("/audit/verify")
    String verify(Model model) {
        ChainVerifier.Report report = verifier.verify();
        model.addAttribute("report", report);
        // the head file's last line as its parts, so the page can say the batch, the hash and the time in words
        String last = report.headFile() == null ? null : report.headFile().lastLine();
        HeadFile.Line line = last == null ? null : HeadFile.parse(report.headFile().headsRecorded(), last);
        model.addAttribute("lastHead", line == null || line.seq() < 0 || instant(line.time()) == null ? null : line);
        model.addAttribute("lastHeadAt", line == null ? null : instant(line.time()));
        model.addAttribute("headInterval", headFile.interval());
        return "audit-verify";
    }

    /** A time as the file holds it; a line someone edited may hold anything, shown then as it is. */
    private static java.time.Instant instant(String text) {
        try {
            return text == null ? null : java.time.Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
