package vn.chuyenhoa.kernel;

/** The decision-table cell a value came from, so that every answer can cite its row (as OpenL does). */
public record TableSource(String file, String sheet, int row, String cell, String rule) {}
