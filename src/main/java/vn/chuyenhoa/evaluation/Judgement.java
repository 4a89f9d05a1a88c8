package vn.chuyenhoa.evaluation;

import java.util.List;

/** The decision part of an evaluation, before anything is rendered into sentences. */
public record Judgement(ProfileChoice profile, Verdict verdict, String verdictRule, List<Decision> decisions) {}
