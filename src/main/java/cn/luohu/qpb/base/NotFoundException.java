package cn.luohu.qpb.base;

public class NotFoundException extends PortalException {

    public NotFoundException() {
        super("error.not-found");
    }
}
