package vn.chuyenhoa.screening;

import vn.chuyenhoa.kernel.TableSource;

/**
 * Whose thresholds a row is: a province of one code scheme, or the whole country when both are null. A province's
 * rows for a category replace the national ones for that category.
 */
record ScreeningScope(String id, String labelVi, String labelEn, String codeScheme, String provinceCode,
                             String legalBasis, TableSource source) {

    public boolean isNational() { return codeScheme == null; }

    public boolean contains(String scheme, String province) {
        return isNational() || (codeScheme.equals(scheme) && provinceCode.equals(province));
    }
}
