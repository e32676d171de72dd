package cn.luohu.qpb.standard;

import cn.luohu.qpb.organization.Category;

import java.time.LocalDateTime;
import java.util.Set;

/** A standard version as the list shows it; {@code publishedAt} is UTC. */
public record StandardSummary(long id, String code, String name, int version, StandardStatus status,
                              Set<Category> categories, int indicatorCount, LocalDateTime publishedAt) {
}
