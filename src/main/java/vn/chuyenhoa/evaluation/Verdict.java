package vn.chuyenhoa.evaluation;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(enumAsRef = true, description = "TRANSFORMED (đạt chuyển hóa), NOT_TRANSFORMED (chưa đạt), INSUFFICIENT_DATA (thiếu dữ liệu để kết luận)")
public enum Verdict { TRANSFORMED, NOT_TRANSFORMED, INSUFFICIENT_DATA }
