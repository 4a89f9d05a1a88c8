package vn.chuyenhoa;

import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;

import vn.chuyenhoa.access.AccountSeed;

@SpringBootApplication
public class ChuyenhoaApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChuyenhoaApplication.class, args);
    }

    /** The address to open, last in the start-up log where a newcomer looks for it. */
    @EventListener(ApplicationReadyEvent.class)
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) return;
        boolean demo = !event.getApplicationContext().getBean(AccountSeed.class).seeded().isEmpty();
        LoggerFactory.getLogger(ChuyenhoaApplication.class).info("Sẵn sàng / ready: open http://localhost:{}/{}",
                web.getWebServer().getPort(), demo ? " and sign in with a demo account listed there (password chuyenhoa-demo)" : "");
    }
}
