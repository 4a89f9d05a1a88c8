package vn.chuyenhoa.web;

/** A page asked for something that does not exist (a bad id, an unknown version): answered with the 404 page. */
public class PageNotFound extends RuntimeException {

    final String messageVi;
    final String messageEn;

    public PageNotFound(String messageVi, String messageEn) {
        super(messageEn);
        this.messageVi = messageVi;
        this.messageEn = messageEn;
    }
}
