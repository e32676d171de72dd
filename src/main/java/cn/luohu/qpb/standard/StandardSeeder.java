package cn.luohu.qpb.standard;

import cn.luohu.qpb.base.StartupData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Publishes the six seeded standards (one per category, {@link SeedStandards}) into a database that has
 * no standard yet, in every environment: they are the district's starting point, not demo data.
 */
@Component
@Order(1) // before the demo district, whose cycle needs the standards
class StandardSeeder implements StartupData {

    private static final Logger log = LoggerFactory.getLogger(StandardSeeder.class);

    private final StandardRepository repository;
    private final TransactionTemplate transaction;
    private final Clock clock;

    StandardSeeder(StandardRepository repository, TransactionTemplate transaction, Clock clock) {
        this.repository = repository;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void seed() {
        if (!repository.list().isEmpty()) {
            return;
        }
        var seeds = SeedStandards.load();
        transaction.executeWithoutResult(status -> {
            for (StandardDefinition standard : seeds) {
                long id = repository.insertDraft(standard, null);
                repository.setStatus(id, StandardStatus.DRAFT, StandardStatus.PUBLISHED,
                        LocalDateTime.now(clock.withZone(ZoneOffset.UTC)), null);
            }
        });
        log.info("Seeded {} published standards", seeds.size());
    }
}
