package vn.chuyenhoa.evaluation;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(enumAsRef = true, description = "A criterion's outcome: MET (đạt), NOT_MET (không đạt), NOT_APPLICABLE (không áp dụng), MISSING_DATA (thiếu dữ liệu)")
public enum Outcome { MET, NOT_MET, NOT_APPLICABLE, MISSING_DATA }
