package io.boxoffice.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Assembles the command side, the query side and the sagas into one deployable node. */
@SpringBootApplication(scanBasePackages = "io.boxoffice")
public class BoxofficeApplication {

    public static void main(String[] args) {
        SpringApplication.run(BoxofficeApplication.class, args);
    }
}
