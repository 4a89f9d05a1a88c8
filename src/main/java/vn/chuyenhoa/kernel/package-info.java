/**
 * What every feature shares and no feature owns: how numbers are written and read in each language; what a condition
 * on facts is ({@link vn.chuyenhoa.kernel.Reading}, {@link vn.chuyenhoa.kernel.Condition}), whose outcome
 * rules/conditions.drl decides the same way for evaluation, screening and monitoring; and the one collector of what
 * rules decided ({@link vn.chuyenhoa.kernel.Rulings}). Kept tiny on purpose; a type moves here only when two features
 * need it and neither can own it.
 */
package vn.chuyenhoa.kernel;
