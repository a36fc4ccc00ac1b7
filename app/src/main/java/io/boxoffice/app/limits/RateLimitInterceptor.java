package io.boxoffice.app.limits;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reservation attempts and waiting-room joins, per account and per client address: what a bot repeats to sweep
 * an on-sale. (Sign-in, sign-up and refresh are limited where their account is known, in the sign-in itself.)
 */
@Configuration(proxyBeanMethods = false)
public class RateLimitInterceptor implements WebMvcConfigurer {

    private final RateLimits limits;

    public RateLimitInterceptor(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(limited(RateLimits.Limit.RESERVE_PER_ACCOUNT, RateLimits.Limit.RESERVE_PER_ADDRESS))
                .addPathPatterns("/api/events/*/reservations");
        registry.addInterceptor(limited(RateLimits.Limit.JOIN_PER_ACCOUNT, RateLimits.Limit.JOIN_PER_ADDRESS))
                .addPathPatterns("/api/events/*/waiting-room");
    }

    private HandlerInterceptor limited(RateLimits.Limit perAccount, RateLimits.Limit perAddress) {
        return new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if ("POST".equals(request.getMethod())) {
                    limits.check(perAddress, ClientAddress.of(request));
                    limits.check(perAccount, request.getRemoteUser());
                }
                return true;
            }
        };
    }
}
