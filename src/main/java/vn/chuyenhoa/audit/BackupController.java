package vn.chuyenhoa.audit;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.chuyenhoa.http.ApiDescription;
import vn.chuyenhoa.http.Problems;

/** An online backup of the embedded database, for administrators (README "Backups and restore"). */
@RestController
@Tag(name = ApiDescription.ADMINISTRATION)
class BackupController {

    private final Backups backups;

    BackupController(Backups backups) {
        this.backups = backups;
    }

    @ApiResponse(responseCode = "409", description = "The database is not the embedded H2: back it up with pg_dump")
    @Operation(operationId = "takeBackup", summary = "Take an online backup of the embedded H2 database / Sao lưu cơ sở dữ liệu H2 khi đang chạy",
            description = "Writes an H2 SCRIPT (zip) and a copy of the audit head file into chuyenhoa.backup.dir, while"
                    + " holding the audit chain's lock, and answers where they are and the chain's head in the backup."
                    + " On PostgreSQL answers 409: back it up with pg_dump.",
            responses = @ApiResponse(responseCode = "201", description = "The backup taken",
                    content = @Content(schema = @Schema(implementation = Backups.Backup.class))))
    @PostMapping(path = "/api/v1/admin/backups", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> take() {
        try {
            return ResponseEntity.status(HttpStatus.CREATED).body(backups.take());
        } catch (Backups.NotEmbedded e) {
            return Problems.of(HttpStatus.CONFLICT, "backup-not-embedded", "Use the database's own backup tool",
                    "Hãy sao lưu bằng công cụ của cơ sở dữ liệu (pg_dump)", e.getMessage(),
                    "Cơ sở dữ liệu không phải loại nhúng: hãy sao lưu bằng công cụ của nó (pg_dump), xem README"
                            + " \"Backups and restore\".");
        }
    }
}
