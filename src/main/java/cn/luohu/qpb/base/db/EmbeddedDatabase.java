package cn.luohu.qpb.base.db;

/** Present as a bean only when the portal runs on its embedded MariaDB (which then listens on this port). */
public record EmbeddedDatabase(int port) {
}
