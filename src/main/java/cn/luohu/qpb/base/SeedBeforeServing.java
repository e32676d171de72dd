package cn.luohu.qpb.base;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link StartupData} once all beans exist (the schema is migrated) and before the context starts
 * its lifecycle, which is when the web server opens its port: an application runner would seed only after
 * the portal already accepted logins, and a correct password would be refused until seeding was done.
 */
@Component
class SeedBeforeServing implements SmartInitializingSingleton {

    private final ObjectProvider<StartupData> seeders;
    private final ObjectProvider<SecurityContextHolderStrategy> securityContexts;

    SeedBeforeServing(ObjectProvider<StartupData> seeders, ObjectProvider<SecurityContextHolderStrategy> securityContexts) {
        this.seeders = seeders;
        this.securityContexts = securityContexts;
    }

    @Override
    public void afterSingletonsInstantiated() {
        // seeders act as users through secured services: method security reads the strategy bean (Vaadin's),
        // which becomes the global one only when the servlet starts, after this; make it the global one now
        securityContexts.ifAvailable(SecurityContextHolder::setContextHolderStrategy);
        seeders.orderedStream().forEach(StartupData::seed);
    }
}
