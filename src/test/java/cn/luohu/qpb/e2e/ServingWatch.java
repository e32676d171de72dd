package cn.luohu.qpb.e2e;

import org.jooq.DSLContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.atomic.AtomicInteger;

import static cn.luohu.qpb.jooq.Tables.APP_USER;

/**
 * Notes how many accounts the database held at the moment the web server started to accept requests: the
 * demo district must be complete by then, or a correct password would be refused for a while.
 */
@TestConfiguration(proxyBeanMethods = false)
class ServingWatch {

    static final AtomicInteger ACCOUNTS_WHEN_SERVING = new AtomicInteger(-1);

    @Bean
    ApplicationListener<WebServerInitializedEvent> accountsWhenServing(DSLContext dsl) {
        return event -> ACCOUNTS_WHEN_SERVING.set(dsl.fetchCount(APP_USER));
    }
}
