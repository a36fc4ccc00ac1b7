package io.boxoffice.app.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/auth/token}: sign-in for the embedded default, where a username is all it takes. */
@RestController
@ConditionalOnProperty(name = "boxoffice.auth.issuer.enabled", havingValue = "true", matchIfMissing = true)
public class TokenController {

    private final TokenIssuer issuer;

    public TokenController(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    public record TokenRequest(@NotNull @Pattern(regexp = "[A-Za-z0-9._@-]{1,64}") String username) {
    }

    @PostMapping("/api/auth/token")
    public TokenIssuer.IssuedToken token(@Valid @RequestBody TokenRequest request) {
        return issuer.issue(request.username());
    }
}
