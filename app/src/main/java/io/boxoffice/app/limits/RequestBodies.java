package io.boxoffice.app.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.boxoffice.app.web.Problems;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Request bodies are read in full before any handler sees them, without holding a thread while they arrive
 * (Servlet non-blocking I/O), and bounded per kind of endpoint: a client that trickles its body, or sends one of
 * gigabytes, costs a buffer no larger than its endpoint's limit and never a worker thread, so it cannot starve the
 * others. A declared length over the limit is refused before a byte is read (413); a body that keeps arriving past
 * the limit is cut off there (413); one that takes longer than {@code boxoffice.http.body-timeout} is refused
 * (408). It runs after Spring Security: only requests that may be served have their bodies read at all.
 */
@Component
public class RequestBodies extends OncePerRequestFilter implements Ordered {

    private static final String READ = RequestBodies.class.getName() + ".read";

    private final ObjectMapper json;
    private final long maxBody;
    private final long maxVenueBody;
    private final long maxWebhookBody;
    private final Duration timeout;

    public RequestBodies(ObjectMapper json, HttpLimitProperties limits) {
        this.json = json;
        this.maxBody = limits.maxBody().toBytes();
        this.maxVenueBody = limits.maxVenueBody().toBytes();
        this.maxWebhookBody = limits.maxWebhookBody().toBytes();
        this.timeout = limits.bodyTimeout();
    }

    @Override
    public int getOrder() {
        return SecurityProperties.DEFAULT_FILTER_ORDER + 1;
    }

    /** The second pass, once the body is in: the handler reads it from memory. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(READ) instanceof byte[] body) {
            request.removeAttribute(READ);
            chain.doFilter(new ReadBody(request, body), response);
            return;
        }
        if (request.getDispatcherType() != DispatcherType.REQUEST || !hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        long limit = limitOf(request);
        if (request.getContentLengthLong() > limit) {
            refuse(response, tooLarge(limit));
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(timeout.toMillis());
        AtomicBoolean settled = new AtomicBoolean();
        async.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) throws IOException {
                if (settled.compareAndSet(false, true)) {
                    refuse(response, Problems.problem(HttpStatus.REQUEST_TIMEOUT, "request-timeout",
                            "Request timeout", "the request body did not arrive within " + timeout.toSeconds()
                                    + " s", Map.of()));
                    async.complete();
                }
            }

            @Override
            public void onComplete(AsyncEvent event) {
            }

            @Override
            public void onError(AsyncEvent event) {
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        });
        ServletInputStream in = request.getInputStream();
        in.setReadListener(new ReadListener() {
            private final ByteArrayOutputStream body = new ByteArrayOutputStream(
                    (int) Math.max(256, Math.min(limit, request.getContentLengthLong())));
            private final byte[] chunk = new byte[8192];

            @Override
            public void onDataAvailable() throws IOException {
                while (!settled.get() && in.isReady()) {
                    int read = in.read(chunk);
                    if (read < 0) {
                        return;
                    }
                    if (body.size() + read > limit) {
                        if (settled.compareAndSet(false, true)) {
                            refuse(response, tooLarge(limit));
                            async.complete();
                        }
                        return;
                    }
                    body.write(chunk, 0, read);
                }
            }

            @Override
            public void onAllDataRead() {
                if (settled.compareAndSet(false, true)) {
                    request.setAttribute(READ, body.toByteArray());
                    async.dispatch();
                }
            }

            @Override
            public void onError(Throwable broken) {
                if (settled.compareAndSet(false, true)) {
                    async.complete(); // the client went away
                }
            }
        });
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /** Venue layouts are large (a stadium's seats with their coordinates); everything else is small. */
    private long limitOf(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.equals("/api/venues")) {
            return maxVenueBody;
        }
        return path.equals("/api/payments/webhook") ? maxWebhookBody : maxBody;
    }

    private static ProblemDetail tooLarge(long limit) {
        return Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "request-too-large", "Request too large",
                "the request body exceeds " + DataSize.ofBytes(limit).toKilobytes() + " KB, the limit of this "
                        + "endpoint", Map.of("maxBodyBytes", limit));
    }

    /** Answers and closes the connection, so that the rest of a refused body is not read. */
    private void refuse(HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(problem.getStatus());
        response.setHeader("Connection", "close");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
        response.flushBuffer();
    }

    /** The request as the handler sees it: its body already in memory. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body is already read");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] bytes, int offset, int length) {
                    return in.read(bytes, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
