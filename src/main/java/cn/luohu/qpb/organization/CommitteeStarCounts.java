package cn.luohu.qpb.organization;

import java.util.List;

/** For one committee: how many active assessed organisations hold each star level (index 0..5). */
public record CommitteeStarCounts(long committeeId, String committeeName, List<Integer> countsByStar) {

    public int total() {
        return countsByStar.stream().mapToInt(Integer::intValue).sum();
    }

    public int count(int star) {
        return countsByStar.get(star);
    }
}
