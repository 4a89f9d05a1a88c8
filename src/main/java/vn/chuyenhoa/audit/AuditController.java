package vn.chuyenhoa.audit;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.chuyenhoa.audit.ChainVerifier.Report;
import vn.chuyenhoa.http.ApiDescription;

/** Whether the tamper-evident trail is intact, as JSON for systems; people read it on {@link AuditPages}. */
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

}
