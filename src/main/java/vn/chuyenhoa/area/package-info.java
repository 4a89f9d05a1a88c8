/**
 * Vietnam's administrative units (communes, wards, townships, special zones) under the old
 * and the 2025 code schemes, so an area named in a request can be checked by code and name.
 * The directory itself is plain Java, built once from the bundled lists ({@code AreaConfiguration}); {@link
 * vn.chuyenhoa.area.UnitChoice} gives forms the provinces and communes to pick from, by name with codes beside.
 */
package vn.chuyenhoa.area;
