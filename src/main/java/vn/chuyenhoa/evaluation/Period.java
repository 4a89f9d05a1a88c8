package vn.chuyenhoa.evaluation;

import java.time.LocalDate;

/** Inclusive dates. */
public record Period(LocalDate from, LocalDate to) {}
