package cn.luohu.qpb.demo;

import cn.luohu.qpb.base.StartupData;
import cn.luohu.qpb.base.time.DisplayZone;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

import static cn.luohu.qpb.jooq.Tables.ORGANIZATION;

/**
 * Generates the city-scale dataset ({@link CityGenerator}) at start-up when {@code qpb.city.size} is set (the
 * {@code city} profile sets it): into an empty database, on the embedded MariaDB or an external one. A
 * database that already holds this city is left as it is; one that holds anything else is refused, so
 * the city never mixes with the demo district or real data. Every account has the demo password.
 */
@Component
@Order(2) // after the seeded standards, before the demo district (which then finds organisations and stays out)
@ConditionalOnProperty("qpb.city.size")
class CitySeeder implements StartupData {

    private static final Logger log = LoggerFactory.getLogger(CitySeeder.class);

    private final DSLContext dsl;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final DisplayZone zone;
    private final int size;

    CitySeeder(DSLContext dsl, PasswordEncoder passwordEncoder, Clock clock, DisplayZone zone,
               @Value("${qpb.city.size}") int size) {
        this.dsl = dsl;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.zone = zone;
        this.size = size;
    }

    @Override
    public void seed() {
        if (dsl.fetchExists(ORGANIZATION)) {
            int assessed = dsl.fetchCount(ORGANIZATION, ORGANIZATION.KIND.in("COMMUNITY_COMMITTEE", "BRANCH"));
            if (dsl.fetchExists(ORGANIZATION, ORGANIZATION.CODE.eq(CityTree.ROOT_CODE)) && assessed == size) {
                log.info("The city of {} assessed organisations is already in the database", size);
                return;
            }
            throw new IllegalStateException("qpb.city.size=" + size + " needs an empty database, but this one holds "
                    + assessed + " assessed organisations: point qpb.embedded-db.data-dir (or the datasource) elsewhere");
        }
        log.info("Generating a city of {} assessed organisations; this takes a few minutes", size);
        new CityGenerator(dsl, LocalDate.now(clock.withZone(zone.zone())), passwordEncoder.encode(DemoDistrictSeeder.DEMO_PASSWORD))
                .generate(size);
    }
}
