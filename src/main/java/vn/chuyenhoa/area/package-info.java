/**
 * Vietnam's administrative units (communes, wards, townships, special zones) under the old
 * and the 2025 code schemes, so an area named in a request can be checked by code and name.
 * Plain Java with no Spring dependency: the application wires {@link vn.chuyenhoa.area.AreaDirectory} itself.
 */
package vn.chuyenhoa.area;
