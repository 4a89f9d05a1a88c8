/**
 * What every feature shares and no feature owns: an area as the rules see it, a period, how a figure is compared with
 * its threshold, where a table value came from, and how numbers are written and read in each language; what a
 * condition on facts is ({@link vn.chuyenhoa.kernel.Reading}, {@link vn.chuyenhoa.kernel.Condition}), whose outcome
 * rules/conditions.drl decides the same way for evaluation, screening and monitoring; and the one collector of what
 * rules decided ({@link vn.chuyenhoa.kernel.Rulings}); and the one memory of a database outage, through which every
 * place that meets one tells the log ({@link vn.chuyenhoa.kernel.DatabaseOutage}). Kept tiny on purpose; a type moves
 * here only when two features need it and neither can own it. Types that rules/*.drl or the decision-table templates name never move here: stored
 * ruleset versions name them where they are (the condition types above are new, named only by today's DRL).
 */
package vn.chuyenhoa.kernel;
