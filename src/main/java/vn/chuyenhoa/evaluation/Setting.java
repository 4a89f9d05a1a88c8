package vn.chuyenhoa.evaluation;

import vn.chuyenhoa.kernel.TableSource;

/**
 * One programme setting as the tables in force give it: the typed value, the profile whose row gave it (the profile
 * asked about, or the national profile it fell back to) and the row itself, so every number an answer uses can cite
 * its cell.
 */
public record Setting<T>(T value, String profileId, String legalBasis, TableSource source) {}
