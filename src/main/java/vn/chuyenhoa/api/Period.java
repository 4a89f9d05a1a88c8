package vn.chuyenhoa.api;

import java.time.LocalDate;

/** Inclusive dates, {@code from} on or before {@code to}. */
public record Period(LocalDate from, LocalDate to) {}
