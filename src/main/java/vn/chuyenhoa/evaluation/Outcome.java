package vn.chuyenhoa.evaluation;

public enum Outcome { MET, NOT_MET, NOT_APPLICABLE, MISSING_DATA }
