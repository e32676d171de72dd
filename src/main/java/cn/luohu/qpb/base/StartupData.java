package cn.luohu.qpb.base;

/**
 * Data a start puts into the database before the portal serves anyone: the seeded standards, the demo
 * district, a generated city. Each implementation checks itself whether its data is there already; they run
 * in their {@code @Order}, after Liquibase and before the web server accepts its first request (so nobody can
 * log in to a half-seeded database).
 */
public interface StartupData {

    void seed();
}
