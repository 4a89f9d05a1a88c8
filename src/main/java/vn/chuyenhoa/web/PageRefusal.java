package vn.chuyenhoa.web;

import org.springframework.http.HttpStatus;

/** A page that cannot do what was asked (outside the caller's provinces, no rules for it): the error page, in both languages. */
public class PageRefusal extends RuntimeException {

    final HttpStatus status;
    final String messageVi;
    final String messageEn;

    public PageRefusal(HttpStatus status, String messageVi, String messageEn) {
        super(messageEn, null, false, false);
        this.status = status;
        this.messageVi = messageVi;
        this.messageEn = messageEn;
    }
}
