package cn.luohu.qpb.standard;

import java.math.BigDecimal;
import java.util.List;

/**
 * The lowest total that earns each star level, for one to five stars (index 0 is one star). A total below
 * the one-star minimum earns no star. E.g. 60, 65, 75, 85, 95.
 */
public record StarBands(List<BigDecimal> minimums) {

    public static final int LEVELS = 5;

    public StarBands {
        if (minimums.size() != LEVELS) {
            throw new IllegalArgumentException("star bands need a minimum for each of the 5 levels");
        }
        minimums = minimums.stream().map(Points::of).toList(); // unmodifiable; a draft may lack a band (null)
    }

    public static StarBands of(String one, String two, String three, String four, String five) {
        return new StarBands(List.of(new BigDecimal(one), new BigDecimal(two), new BigDecimal(three),
                new BigDecimal(four), new BigDecimal(five)));
    }

    /** The lowest total for this star level (1 to 5). */
    public BigDecimal minimumFor(int stars) {
        return minimums.get(stars - 1);
    }

    /** The star level a total earns: the highest band whose minimum it reaches, 0 below them all. */
    public int starsFor(BigDecimal total) {
        for (int stars = LEVELS; stars >= 1; stars--) {
            if (total.compareTo(minimumFor(stars)) >= 0) {
                return stars;
            }
        }
        return 0;
    }
}
