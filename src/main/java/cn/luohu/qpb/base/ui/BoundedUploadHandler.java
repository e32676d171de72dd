package cn.luohu.qpb.base.ui;

import com.vaadin.flow.server.streams.InMemoryUploadCallback;
import com.vaadin.flow.server.streams.InMemoryUploadHandler;

/**
 * Keeps an upload in memory, up to a size limit enforced on the server: it stops reading larger requests
 * (the browser's own limit is only a courtesy), and the receiving service checks the content again.
 */
public class BoundedUploadHandler extends InMemoryUploadHandler {

    private final long maxBytes;

    public BoundedUploadHandler(long maxBytes, InMemoryUploadCallback callback) {
        super(callback);
        this.maxBytes = maxBytes;
    }

    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }

    @Override
    public long getRequestSizeMax() {
        return maxBytes + 64 * 1024L; // room for the multipart envelope around the file
    }
}
