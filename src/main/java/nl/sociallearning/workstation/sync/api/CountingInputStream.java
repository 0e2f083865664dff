package nl.sociallearning.workstation.sync.api;

import nl.sociallearning.workstation.sync.TransferListener;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Tells a listener how many bytes have been read, for progress in bytes. */
final class CountingInputStream extends FilterInputStream {

    private final TransferListener listener;
    private long total;

    CountingInputStream(InputStream in, TransferListener listener) {
        super(in);
        this.listener = listener;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            listener.bytesRead(++total);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            total += n;
            listener.bytesRead(total);
        }
        return n;
    }
}
