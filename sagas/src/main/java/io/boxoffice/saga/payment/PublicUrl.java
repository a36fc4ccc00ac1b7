package io.boxoffice.saga.payment;

import java.util.function.Supplier;

/**
 * The address fans and payment gateways reach Boxoffice at ({@code boxoffice.public-url}). Every link the
 * application hands out starts with it, never with what a request's {@code Host} or forwarded headers claim: a
 * forged header must not turn a checkout link into one to another site.
 */
public final class PublicUrl {

    private final Supplier<String> base;

    /** @param base the scheme, host and port (and path prefix, if any), without a trailing slash */
    public PublicUrl(Supplier<String> base) {
        this.base = base;
    }

    /** The absolute link to a path of this application, e.g. {@code /sandbox/checkout/pay_1}. */
    public String link(String path) {
        return base.get() + path;
    }
}
