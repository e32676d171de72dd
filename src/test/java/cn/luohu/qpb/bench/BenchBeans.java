package cn.luohu.qpb.bench;

import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.TestConfiguration;

/** What the benchmarks add to the portal's context: the recorder of jOOQ's statements. */
@TestConfiguration(proxyBeanMethods = false) // not picked up by the other tests' component scan
class BenchBeans {

    @Bean
    ExecuteListenerProvider sqlRecorder() {
        return new DefaultExecuteListenerProvider(new SqlRecorder());
    }
}
