package vn.chuyenhoa.evaluation;

public enum Verdict { TRANSFORMED, NOT_TRANSFORMED, INSUFFICIENT_DATA }
