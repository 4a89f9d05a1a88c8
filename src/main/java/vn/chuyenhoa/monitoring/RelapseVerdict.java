package vn.chuyenhoa.monitoring;

/**
 * The recommendation of a monitoring report. {@code INSUFFICIENT_DATA}: no reason applies but some could not be
 * checked (as in an evaluation, absent facts are never read as zero). {@code OUTSIDE_WINDOW}: the period does not lie
 * within the monitoring window, so nothing is judged.
 */
public enum RelapseVerdict { RELAPSED, STABLE, INSUFFICIENT_DATA, OUTSIDE_WINDOW }
