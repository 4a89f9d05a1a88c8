package vn.chuyenhoa.programme;

import java.time.LocalDate;
import java.time.ZoneId;

/** The calendar day in Vietnam: decisions and reports are dated there, whatever the server's zone. */
public final class Today {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private Today() {}

    public static LocalDate inVietnam() {
        return LocalDate.now(VIETNAM);
    }
}
