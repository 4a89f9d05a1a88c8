package vn.chuyenhoa.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "5.400|5400", "5400|5400", "76,92|76.92", "1.234.567,5|1234567.5", "0|0", "-12|-12",
            "'5 400'|5400", "'\u00a05.400 '|5400"})
    void readsWhatVietnameseWrite(String text, String expected) {
        assertThat(Numbers.parse(text, true).value()).isEqualByComparingTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"5.4", "5.40", "12.3456", "1,234.5", "abc", "5..400", "''", "1e3"})
    void refusesWhatIsNotAVietnameseNumber(String text) {
        Numbers.Read read = Numbers.parse(text, true);
        assertThat(read.ok()).isFalse();
        assertThat(read.problemVi()).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"5,400|5400", "76.92|76.92", "5400|5400"})
    void readsWhatEnglishWrite(String text, String expected) {
        assertThat(Numbers.parse(text, false).value()).isEqualByComparingTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "5400|true|false|5.400", "5400|false|false|5,400", "76.90|true|true|76,90", "80.00|true|false|80",
            "1234567.5|true|false|1.234.567,5", "-0.5|true|false|-0,5", "1E+3|true|false|1.000"})
    void writesAsEachLanguageDoes(String value, boolean vi, boolean keepScale, String expected) {
        assertThat(Numbers.format(new BigDecimal(value), vi, keepScale)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|0|0", "999|999|999", "1000|1.000|1,000", "5400|5.400|5,400",
            "-1234567|-1.234.567|-1,234,567", "100000|100.000|100,000",
            "-9223372036854775808|-9.223.372.036.854.775.808|-9,223,372,036,854,775,808",
            "9223372036854775807|9.223.372.036.854.775.807|9,223,372,036,854,775,807"})
    void writesCountsAsEachLanguageDoes(long value, String vi, String en) {
        assertThat(Numbers.format(value, true)).isEqualTo(vi);
        assertThat(Numbers.format(value, false)).isEqualTo(en);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"5.400|true", "5,400|false"})
    void readsBackWhatItWrites(String text, boolean vi) {
        assertThat(Numbers.format(Numbers.parse(text, vi).value(), vi)).isEqualTo(text);
    }
}
