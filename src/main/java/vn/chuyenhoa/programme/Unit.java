package vn.chuyenhoa.programme;

/**
 * Where a programme record's area is, in one code list: the record's own unit, or the one a REORGANISED step moved it
 * to (domain spec §8.1).
 *
 * @param districtCode null in QD19_2025, which has no districts
 */
public record Unit(String codeScheme, String provinceCode, String areaCode, String areaName, String districtCode) {}
