package cn.luohu.qpb.assessment;

/**
 * The versions to hand back with the next saves: the item's, and the assessment's (a first save starts it);
 * and the sum of the versions of all its items, which grows by one with every item saved anywhere: a form that
 * finds it grown by more than its own save knows another tab or device saved in between.
 */
public record SavedItem(int itemVersion, int assessmentVersion, int itemsVersion) {
}
