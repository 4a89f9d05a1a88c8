package vn.chuyenhoa.screening;

import java.util.List;

import vn.chuyenhoa.kernel.Period;

/**
 * A validated screening request: the candidates of one province of one code scheme, for the programme of
 * {@code year}.
 *
 * @param period nullable: the period the facts cover, recorded as given
 */
record ScreeningInput(int year, Period period, String codeScheme, String provinceCode, String provinceName,
                             List<Candidate> candidates) {

    public ScreeningInput {
        candidates = List.copyOf(candidates);
    }
}
