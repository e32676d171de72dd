package cn.luohu.qpb.assessment;

/** The versions to hand back with the next saves: the item's, and the assessment's (a first save starts it). */
public record SavedItem(int itemVersion, int assessmentVersion) {
}
