package vn.chuyenhoa.kernel;

/** A commune-level area as the rules see it: identified by scheme and code, placed by its district and province. */
public record Area(String codeScheme, String code, String name, String districtCode, String provinceCode) {}
