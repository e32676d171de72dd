package cn.luohu.qpb.assessment;

import cn.luohu.qpb.standard.IndicatorInput;

/** The reviewer's entry for one item (input null while not reviewed) and the version to save against. */
public record ReviewEntry(long itemId, IndicatorInput input, String comment, int version) {
}
