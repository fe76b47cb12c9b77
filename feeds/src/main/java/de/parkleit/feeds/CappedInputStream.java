package de.parkleit.feeds;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails with {@link PayloadTooLargeException} once more than {@code max} bytes are read. */
public final class CappedInputStream extends FilterInputStream {

    private final long max;
    private long count;

    public CappedInputStream(InputStream in, long max) {
        super(in);
        this.max = max;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    private void add(int n) throws PayloadTooLargeException {
        count += n;
        if (count > max) {
            throw new PayloadTooLargeException(max);
        }
    }

    /** Thrown when the cap is passed. */
    public static final class PayloadTooLargeException extends IOException {
        public PayloadTooLargeException(long max) {
            super("payload larger than " + max + " bytes");
        }
    }
}
