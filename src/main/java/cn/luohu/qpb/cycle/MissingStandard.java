package cn.luohu.qpb.cycle;

import cn.luohu.qpb.organization.Category;

/**
 * Organisations a cycle cannot open for: their category ({@code null}: they have none) has no standard in
 * the cycle, or the chosen one is no longer published.
 */
public record MissingStandard(Category category, int organizations) {
}
