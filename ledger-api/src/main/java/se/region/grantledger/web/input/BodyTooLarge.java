package se.region.grantledger.web.input;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.IOException;

/**
 * A body read past the limit, also one sent in chunks without a Content-Length: the read fails with this, and the
 * answer is 413 wherever the body was being read (the idempotency filter, or Jackson in a controller).
 */
public class BodyTooLarge extends IOException {

    public BodyTooLarge(long limit) {
        super("a request body has at most " + limit + " bytes");
    }

    /** The request, with a body that cannot be read past {@code limit} bytes. */
    static HttpServletRequest limited(HttpServletRequest request, long limit) {
        return new HttpServletRequestWrapper(request) {
            private ServletInputStream limited;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (limited == null) {
                    limited = new Limited(super.getInputStream(), limit);
                }
                return limited;
            }
        };
    }

    private static final class Limited extends ServletInputStream {
        private final ServletInputStream body;
        private final long limit;
        private long read;

        Limited(ServletInputStream body, long limit) {
            this.body = body;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int next = body.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int bytes) throws BodyTooLarge {
            read += bytes;
            if (read > limit) {
                throw new BodyTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
