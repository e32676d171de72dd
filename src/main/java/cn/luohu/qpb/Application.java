package cn.luohu.qpb;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling // the daily deadline reminders
public class Application {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }
}
