package vn.chuyenhoa.evaluation;

import vn.chuyenhoa.kernel.Area;

/**
 * Where a profile applies. A null scheme is the whole country (any scheme); otherwise the codes narrow it, each level
 * only when the one above it is given.
 */
public record Scope(String codeScheme, String provinceCode, String districtCode, String communeCode) {

    public enum Level { NATIONAL, PROVINCE, DISTRICT, COMMUNE }

    public Level level() {
        if (communeCode != null) return Level.COMMUNE;
        if (districtCode != null) return Level.DISTRICT;
        if (provinceCode != null) return Level.PROVINCE;
        return Level.NATIONAL;
    }

    public boolean contains(Area area) {
        if (codeScheme == null) return true;
        return codeScheme.equals(area.codeScheme())
                && (provinceCode == null || provinceCode.equals(area.provinceCode()))
                && (districtCode == null || districtCode.equals(area.districtCode()))
                && (communeCode == null || communeCode.equals(area.code()));
    }

    /** Two scopes of the same level overlap only when they are the same place. */
    public boolean sameLevelOverlaps(Scope other) {
        if (codeScheme == null || other.codeScheme == null) return codeScheme == null && other.codeScheme == null;
        return codeScheme.equals(other.codeScheme)
                && java.util.Objects.equals(provinceCode, other.provinceCode)
                && java.util.Objects.equals(districtCode, other.districtCode)
                && java.util.Objects.equals(communeCode, other.communeCode);
    }

    private String schemeTitle() {
        return vn.chuyenhoa.area.CodeScheme.titleOf(codeScheme);
    }

    public String describeVi() {
        return switch (level()) {
            case NATIONAL -> "toàn quốc";
            case PROVINCE -> "tỉnh " + provinceCode + ", danh mục " + schemeTitle();
            case DISTRICT -> "tỉnh " + provinceCode + ", huyện " + districtCode + ", danh mục " + schemeTitle();
            case COMMUNE -> "xã " + communeCode + ", danh mục " + schemeTitle();
        };
    }

    /**
     * As {@link #describeVi()}, with the name beside each code ("Tỉnh Thanh Hóa (38), Huyện Ngọc Lặc (389)"), taken
     * from a unit the scope contains: officers know provinces and districts by name, not by code.
     */
    public String describeVi(vn.chuyenhoa.area.AdminUnit inside) {
        if (inside == null) return describeVi();
        return switch (level()) {
            case NATIONAL -> describeVi();
            case PROVINCE -> inside.provinceName() + " (" + provinceCode + "), danh mục " + schemeTitle();
            case DISTRICT -> inside.provinceName() + " (" + provinceCode + "), " + inside.districtName() + " (" + districtCode
                    + "), danh mục " + schemeTitle();
            case COMMUNE -> inside.name() + " (" + communeCode + "), danh mục " + schemeTitle();
        };
    }

    public String describeEn() {
        return switch (level()) {
            case NATIONAL -> "the whole country";
            case PROVINCE -> codeScheme + ", province " + provinceCode;
            case DISTRICT -> codeScheme + ", province " + provinceCode + ", district " + districtCode;
            case COMMUNE -> codeScheme + ", commune " + communeCode;
        };
    }
}
