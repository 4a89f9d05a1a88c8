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
        model.addAttribute("report", verifier.verify());
        model.addAttribute("headInterval", headFile.interval());
        return "audit-verify";
    }
}
