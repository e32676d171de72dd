package cn.luohu.qpb.assessment;

import java.util.List;

/** A dimension of the assessment's standard with its items, in order. */
public record SheetDimension(String name, List<SheetItem> items) {
}
