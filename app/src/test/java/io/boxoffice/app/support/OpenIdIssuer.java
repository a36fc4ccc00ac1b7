package io.boxoffice.app.support;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real OpenID Connect issuer for the tests of the external sign-in: Spring Authorization Server on a free port,
 * with discovery and a key set, issuing client-credentials tokens whose subject is the client. Its clients:
 * {@code fan-app} (a fan), {@code organizer-app} (the IdP grants ADMIN in its {@code roles} claim),
 * {@code ops-console} (no roles claim; Boxoffice's configuration makes it ADMIN) and {@code other-app} (tokens for
 * another audience).
 */
public final class OpenIdIssuer implements AutoCloseable {

    public static final String AUDIENCE = "boxoffice";

    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();

    private OpenIdIssuer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static OpenIdIssuer start() {
        return new OpenIdIssuer(new SpringApplicationBuilder(Issuer.class)
                .properties("server.port=0", "spring.main.banner-mode=off")
                .run());
    }

    public String uri() {
        return "http://localhost:" + ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    /** An access token for a client, as a real client gets it: client credentials at the token endpoint. */
    public String token(String clientId) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secretOf(clientId))
                .getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri() + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token for " + clientId + ": " + response.body());
            }
            return Api.JSON.readTree(response.body()).path("access_token").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }

    private static String secretOf(String clientId) {
        return clientId + "-secret";
    }

    /**
     * Not a {@code @Configuration}: the application's component scan must not find it. (Tomcat runs filters only for
     * requests mapped to a servlet, hence the dispatcher servlet.)
     */
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class,
            ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class})
    @EnableWebSecurity
    static class Issuer {

        @Bean
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
            http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()));
            return http.build();
        }

        @Bean
        RegisteredClientRepository clients() {
            return new InMemoryRegisteredClientRepository(List.of("fan-app", "organizer-app", "ops-console",
                    "other-app").stream().map(id -> RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(id).clientSecret("{noop}" + secretOf(id))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .build()).toList());
        }

        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> rolesAndAudience() {
            Map<String, List<String>> roles = Map.of("fan-app", List.of("FAN"), "organizer-app", List.of("FAN", "ADMIN"),
                    "other-app", List.of("FAN", "ADMIN"));
            return context -> {
                String client = context.getRegisteredClient().getClientId();
                context.getClaims().audience(List.of(client.equals("other-app") ? "another-api" : AUDIENCE));
                if (roles.containsKey(client)) {
                    context.getClaims().claim("roles", roles.get(client));
                }
            };
        }

        @Bean
        JWKSource<SecurityContext> keys() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        /** OpenID Connect's user-info endpoint reads the issuer's own tokens. */
        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }
    }
}
