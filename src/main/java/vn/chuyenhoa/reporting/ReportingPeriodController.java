package vn.chuyenhoa.reporting;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import vn.chuyenhoa.kernel.Area;
import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.evaluation.EngineSource;
import vn.chuyenhoa.evaluation.Profile;
import vn.chuyenhoa.evaluation.ProgrammeSettings;
import vn.chuyenhoa.evaluation.Setting;
import vn.chuyenhoa.kernel.TableSource;
import vn.chuyenhoa.http.FieldError;
import vn.chuyenhoa.http.Shown;
import vn.chuyenhoa.http.ApiDescription;
import vn.chuyenhoa.http.Problems;

/** The reporting calendar of a year (domain spec §7): quarter I, six months, quarter III and year, with due dates. */
@RestController
@Tag(name = ApiDescription.REPORTING)
class ReportingPeriodController {

    private static final DateTimeFormatter VI = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final EngineSource engines;

    ReportingPeriodController(EngineSource engines) {
        this.engines = engines;
    }

    /** A table value with the row it came from, written as the table writes it. */
    record SettingView(String value, String profileId, String legalBasis, TableSource source) {
        static SettingView of(Setting<?> s) {
            String text = s.value() instanceof MonthDay md ? String.format("%02d-%02d", md.getMonthValue(), md.getDayOfMonth())
                    : String.valueOf(s.value());
            return new SettingView(text, s.profileId(), s.legalBasis(), s.source());
        }
    }

    record PeriodView(String id, String labelVi, String labelEn, LocalDate from, LocalDate to, LocalDate dueBefore,
                      String explanationVi, String explanationEn, String rule, List<TableSource> sources) {}

    record CalendarView(int year, String profileId, String selectedBy, String reasonVi, String reasonEn,
                        String rulesetVersion, SettingView yearStart, SettingView closeDay, List<PeriodView> periods) {}

    @Operation(operationId = "getReportingPeriods", summary = "Reporting periods of a year / Các kỳ báo cáo trong năm",
            description = "Quarter I, six months, quarter III and year, with inclusive dates and the exclusive due-before "
                    + "date, computed by rules/reporting-calendar.drl from the profile's reportingYearStart and "
                    + "reportingCloseDay rows (decision-tables/programme.drl.xlsx). Without profileId the national "
                    + "profile in force on 31 December of the year is used.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The year's reports",
                        content = @Content(schema = @Schema(implementation = CalendarView.class))),
                @ApiResponse(responseCode = "400", description = "Bad year or unknown profile, naming the parameter",
                        content = @Content(mediaType = "application/problem+json"))})
    @GetMapping(path = "/api/v1/reporting-periods", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> periods(@Parameter(description = "Reporting year, " + ReportingCalendar.MIN_YEAR + "–" + ReportingCalendar.MAX_YEAR, example = "2024")
                              @RequestParam int year,
                              @Parameter(description = "Profile whose calendar applies; default the national profile", example = "VIET_YEN_2024")
                              @RequestParam(required = false) String profileId) {
        if (year < ReportingCalendar.MIN_YEAR || year > ReportingCalendar.MAX_YEAR) {
            return Problems.badRequest(List.of(ReportingCalendar.yearOutOfRange("year", year)));
        }
        Engine engine = engines.current();
        Profile profile;
        String selectedBy, reasonVi, reasonEn;
        if (profileId != null) {
            Optional<Profile> named = engine.policy().profile(profileId);
            if (named.isEmpty()) {
                return Problems.badRequest(List.of(new FieldError("profileId", "unknown_profile",
                        "profileId \"" + Shown.clip(profileId) + "\" is not a profile of the ruleset in force.",
                        "profileId \"" + Shown.clip(profileId) + "\" không phải là bộ tiêu chí của bộ quy tắc đang áp dụng.")));
            }
            profile = named.get();
            selectedBy = "CALLER";
            reasonVi = "Lịch báo cáo của bộ tiêu chí " + profile.id() + " do bên gửi yêu cầu chỉ định (profileId).";
            reasonEn = "The calendar of profile " + profile.id() + ", named by the caller (profileId).";
        } else {
            LocalDate yearEnd = LocalDate.of(year, 12, 31);
            // the whole country: an area with no scheme is contained only by a profile without scope
            Optional<Profile> national = engine.policy().resolve(new Area(null, null, null, null, null), yearEnd);
            if (national.isEmpty()) {
                return Problems.badRequest(List.of(new FieldError("year", "no_profile",
                        "No national profile is in force on " + yearEnd + "; name one with profileId.",
                        "Không có bộ tiêu chí toàn quốc nào có hiệu lực ngày " + VI.format(yearEnd) + "; hãy chỉ định profileId.")));
            }
            profile = national.get();
            selectedBy = "DEFAULT";
            reasonVi = "Không chỉ định profileId: dùng lịch của bộ tiêu chí toàn quốc " + profile.id()
                    + " có hiệu lực ngày " + VI.format(yearEnd) + ".";
            reasonEn = "No profileId given: the calendar of the national profile " + profile.id() + ", in force on "
                    + yearEnd + ".";
        }
        Optional<ProgrammeSettings> settings = engine.policy().programme(profile.id());
        if (settings.isEmpty()) return noProgrammeSettings(engine);

        ReportingCalendar.Year cal = ReportingCalendar.of(engine, settings.get(), year);
        List<TableSource> sources = List.of(cal.yearStart().source(), cal.closeDay().source());
        List<PeriodView> periods = cal.periods().stream().map(p -> view(p, sources)).toList();
        return ResponseEntity.ok(new CalendarView(year, profile.id(), selectedBy, reasonVi, reasonEn, engine.versionId(),
                SettingView.of(cal.yearStart()), SettingView.of(cal.closeDay()), periods));
    }

    private static PeriodView view(ReportingPeriod p, List<TableSource> sources) {
        return new PeriodView(p.id(), p.labelVi(), p.labelEn(), p.from(), p.to(), p.dueBefore(),
                p.labelVi() + ": số liệu từ " + VI.format(p.from()) + " đến hết " + VI.format(p.to())
                        + "; nộp trước ngày " + VI.format(p.dueBefore()) + ".",
                p.labelEn() + ": figures from " + p.from() + " to " + p.to() + " inclusive; due before " + p.dueBefore() + ".",
                p.rule(), sources);
    }


    /** A ruleset stored before programme.drl.xlsx existed has no programme settings to answer with. */
    static ResponseEntity<?> noProgrammeSettings(Engine engine) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "no-programme-settings",
                "The ruleset in force has no programme settings", "Bộ quy tắc đang áp dụng không có thiết lập chương trình",
                "Ruleset " + engine.versionId() + " has no Settings table (decision-tables/programme.drl.xlsx); "
                        + "programme answers need it.",
                "Bộ quy tắc " + engine.versionId() + " không có bảng Settings (decision-tables/programme.drl.xlsx);"
                        + " các câu trả lời về chương trình cần bảng này.");
    }
}
