package cn.luohu.qpb.assessment;

/** An evidence file's bytes with what a download needs to name and label them. */
public record EvidenceContent(String fileName, EvidenceType type, byte[] content) {

    public String contentType() {
        return type.contentType();
    }
}
