package vn.chuyenhoa.web;

import org.springframework.http.HttpStatus;

import vn.chuyenhoa.access.Caller;
import vn.chuyenhoa.http.Submission;

/**
 * What a page does with a submission that went the API's way (a form, an uploaded JSON): the stored record's page, or
 * the refusal the API would give, as an error page. Only a body with bad fields is left to the form, to show it again.
 */
public final class SubmissionPages {

    private SubmissionPages() {}

    /**
     * @param path the list the stored record is under ({@code /screenings}); its page is {@code path/id}
     * @return the redirect to the stored record, or null when the form should be shown again with its errors
     * @throws PageRefusal outside the caller's provinces (403) or without the rules for it (503)
     */
    public static String redirect(Submission outcome, String path, String noRulesVi, String noRulesEn) {
        if (outcome instanceof Submission.Stored stored) return "redirect:" + path + "/" + stored.id();
        if (outcome instanceof Submission.OutsideScope o) {
            Caller caller = Caller.required();
            throw new PageRefusal(HttpStatus.FORBIDDEN, caller.outsideVi(o.province()), caller.outsideEn(o.province()));
        }
        if (outcome instanceof Submission.RulesUnavailable) {
            throw new PageRefusal(HttpStatus.SERVICE_UNAVAILABLE, noRulesVi, noRulesEn);
        }
        return null;
    }
}
