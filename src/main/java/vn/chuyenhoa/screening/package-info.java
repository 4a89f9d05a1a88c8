/**
 * Selection screening (domain spec §4): facts about a province's candidate communes in, per commune the categories
 * flagged, the drug-area type (QĐ 28/2025/QĐ-TTg), exclusions and carry-overs, and a ranking out, each with its
 * table row. Screening only flags and ranks; selecting an area stays a recorded human decision. The thresholds, the
 * criteria and the ranking order are rows of {@code decision-tables/screening.drl.xlsx}; how a row becomes a finding
 * is {@code rules/screening.drl}; Java feeds the facts in, collects the findings and renders them.
 */
package vn.chuyenhoa.screening;
