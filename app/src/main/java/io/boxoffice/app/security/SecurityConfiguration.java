package io.boxoffice.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Bearer JWTs on the API (Spring Security resource server): organizer endpoints need ADMIN, audit endpoints ADMIN
 * or AUDITOR, operations endpoints ADMIN (the load balancer's probes excepted). A token that does not verify
 * (expired, revoked, another issuer) counts as no token: public reads are served as to anyone, everything else
 * answers 401. Refusals are problem+json like every other error.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** The claim that carries a user's roles, from the built-in issuer and from an external one alike. */
    static final String ROLES_CLAIM = "roles";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, JwtDecoder decoder, AuthProperties auth,
                            Environment environment) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            write(response, json, HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required",
                    "Send a valid token as 'Authorization: Bearer <token>'; an expired one is renewed at "
                            + "POST /api/auth/refresh");
        };
        AccessDeniedHandler forbidden = (request, response, e) -> write(response, json, HttpStatus.FORBIDDEN,
                "forbidden", "Not allowed", "Your role does not allow this operation");
        AuthenticationManager tokens = anonymousUnlessValid(decoder, auth);
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(managementPort(environment)).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/auth/accounts", "/api/auth/token",
                                "/api/auth/refresh", "/api/auth/sign-out").permitAll()
                        // gateways authenticate with the webhook signature; door scanners with the ticket's own
                        .requestMatchers(HttpMethod.POST, "/api/payments/webhook").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/tickets/verify").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/tickets/check-in").hasAnyRole("SCANNER", "ADMIN")
                        // a fan's own place in a waiting room needs their token; where the line is does not
                        .requestMatchers("/api/events/*/waiting-room").authenticated()
                        // organizers manage their events' sales, house seats and accessible seats
                        .requestMatchers("/api/organizer/**", "/api/events/*/sales-state",
                                "/api/events/*/house-seats/**", "/api/events/*/accessible-seats/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PATCH, "/api/events/*").hasRole("ADMIN")
                        // browsing needs no token
                        .requestMatchers(HttpMethod.GET, "/api/events/**", "/api/venues/**").permitAll()
                        .requestMatchers("/graphql").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/venues", "/api/events").hasRole("ADMIN")
                        .requestMatchers("/api/audit/**").hasAnyRole("ADMIN", "AUDITOR")
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .requestMatchers("/api/**").authenticated()
                        // the load balancer's probes say UP or DOWN and nothing else; all else is for operators
                        .requestMatchers(HttpMethod.GET, "/actuator/health/liveness", "/actuator/health/readiness")
                        .permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationManagerResolver(request -> tokens)
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden));
        return http.build();
    }

    /**
     * The rules above match paths with path patterns, not by asking Spring MVC which handler each request goes to
     * for every rule: a cost per request that a position check at thousands a second notices.
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean pathPatternRequestMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /** Tokens of the built-in issuer are checked with its key and against the revoked sessions. */
    @Bean
    @ConditionalOnProperty(name = "boxoffice.auth.issuer.enabled", havingValue = "true", matchIfMissing = true)
    JwtDecoder builtInIssuerDecoder(TokenIssuer issuer, RevokedSessions revoked) {
        return issuer.decoder(revoked);
    }

    /**
     * Tokens of the external OpenID Connect issuer ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}),
     * which must name one of {@code ...jwt.audiences} and expire. Its keys are fetched on first use, so a node
     * starts while the issuer is away.
     */
    @Bean
    @ConditionalOnProperty(name = "boxoffice.auth.issuer.enabled", havingValue = "false")
    JwtDecoder externalIssuerDecoder(OAuth2ResourceServerProperties properties) {
        String issuer = properties.getJwt().getIssuerUri();
        List<String> audiences = properties.getJwt().getAudiences();
        if (issuer == null || audiences == null || audiences.isEmpty()) {
            throw new IllegalStateException("With boxoffice.auth.issuer.enabled=false, set "
                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri and ...jwt.audiences");
        }
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = JwtDecoders.fromIssuerLocation(issuer);
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    JwtValidators.createDefaultWithIssuer(issuer),
                    TokenIssuer.required(JwtClaimNames.EXP),
                    new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, audience -> audience != null
                            && audience.stream().anyMatch(audiences::contains))));
            return decoder;
        });
    }

    /** A bearer token that verifies authenticates its subject; one that does not is treated as none at all. */
    private static AuthenticationManager anonymousUnlessValid(JwtDecoder decoder, AuthProperties auth) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(roles(auth));
        return authentication -> {
            try {
                return provider.authenticate(authentication);
            } catch (AuthenticationException invalid) {
                return new AnonymousAuthenticationToken("boxoffice-anonymous", "anonymousUser",
                        AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
            }
        };
    }

    /**
     * Roles from the token's {@code roles} claim (granted by the built-in accounts, or by the operator's identity
     * provider), and for an external issuer also from {@code boxoffice.auth.admins} and {@code ...auditors}.
     */
    private static Converter<Jwt, AbstractAuthenticationToken> roles(AuthProperties auth) {
        return jwt -> {
            Collection<GrantedAuthority> authorities = new ArrayList<>();
            List<String> claimed = jwt.getClaimAsStringList(ROLES_CLAIM);
            (claimed == null ? List.<String>of() : claimed)
                    .forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
            if (!auth.issuer().enabled()) {
                if (auth.admins().contains(jwt.getSubject())) {
                    authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
                }
                if (auth.auditors().contains(jwt.getSubject())) {
                    authorities.add(new SimpleGrantedAuthority("ROLE_AUDITOR"));
                }
            }
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        };
    }

    /**
     * With {@code management.server.port} set apart, the operations endpoints live on that port, which belongs on
     * the operators' private network; there they need no token (a Prometheus scrape has none).
     */
    private static RequestMatcher managementPort(Environment environment) {
        return request -> {
            String port = environment.getProperty("local.management.port");
            return port != null && !port.equals(environment.getProperty("local.server.port"))
                    && Integer.toString(request.getLocalPort()).equals(port);
        };
    }

    private static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, String type,
                              String title, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
