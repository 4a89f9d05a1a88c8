/**
 * A year's programme of a province: each selected area's lifecycle from candidate to transformed (or carried over),
 * monitored, stable or relapsed, recorded step by step and never rewritten; the province's figures against the
 * targets of the tables; the facts sheet by which a province's facts come in as a spreadsheet. Which steps are
 * possible is rules/lifecycle.drl; the numbers (planned end, monitoring window, targets) are rows of
 * decision-tables/programme.drl.xlsx.
 */
package vn.chuyenhoa.programme;
