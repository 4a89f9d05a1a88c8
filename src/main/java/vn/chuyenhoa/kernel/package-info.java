/**
 * What every feature shares and no feature owns: how numbers are written and read in each language. Kept tiny on
 * purpose; a type moves here only when two features need it and neither can own it.
 */
package vn.chuyenhoa.kernel;
