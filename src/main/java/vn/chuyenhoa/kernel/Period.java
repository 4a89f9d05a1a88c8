package vn.chuyenhoa.kernel;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/** Inclusive dates. */
@Schema(description = "Inclusive dates, yyyy-MM-dd / Khoảng thời gian (gồm cả hai đầu)")
public record Period(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2024-03-15") LocalDate from,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2024-12-12") LocalDate to) {}
