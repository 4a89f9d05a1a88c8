/**
 * A year's programme of a province: each selected area's lifecycle from candidate to transformed (or carried over),
 * monitored, stable or relapsed, recorded step by step and never rewritten; the province's figures against the
 * targets of the tables; and the Điện Biên demo data set. Which steps are possible is rules/lifecycle.drl; the numbers
 * (planned end, monitoring window, targets) are rows of decision-tables/programme.drl.xlsx.
 */
package vn.chuyenhoa.programme;
