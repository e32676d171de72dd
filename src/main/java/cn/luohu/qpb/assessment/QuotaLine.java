package cn.luohu.qpb.assessment;

import java.math.BigDecimal;

/**
 * The quota meter of one star level in a cycle: of {@code assessed} organisations, how many hold it by an
 * approval already ({@code approved}), how many would hold it once the pending recommendations are
 * approved as recommended ({@code projected}), and the quota as a share and as a number (null: no quota).
 */
public record QuotaLine(int star, int approved, int projected, int assessed, BigDecimal quotaPercent, Integer limit) {

    public boolean overQuota() {
        return limit != null && projected > limit;
    }
}
