package vn.chuyenhoa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ChuyenhoaApplication {
    public static void main(String[] args) {
        SpringApplication.run(ChuyenhoaApplication.class, args);
    }
}
