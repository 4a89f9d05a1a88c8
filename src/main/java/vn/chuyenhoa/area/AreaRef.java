package vn.chuyenhoa.area;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * A commune-level area as the caller names it. The scheme is part of the identity because the 2025
 * reform reused codes (domain spec §8).
 *
 * @param name nullable; when given it has been checked to name the code
 */
@Schema(description = "A commune-level area as the caller names it; the scheme is part of its identity because the "
        + "2025 reform reused codes. / Địa bàn cấp xã.")
public record AreaRef(
        @Schema(requiredMode = RequiredMode.REQUIRED, implementation = CodeScheme.class,
                description = "QD124_2004 (until 30 June 2025, with districts) or QD19_2025 (from 1 July 2025)")
        String codeScheme,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "The commune's code in that scheme's list",
                example = "07795") String code,
        @Schema(nullable = true, description = "When given, must name that code in that list (letter case, Unicode "
                + "normalisation, surrounding blanks and tone-mark placement do not matter)", example = "Phường Nếnh")
        String name) {}
