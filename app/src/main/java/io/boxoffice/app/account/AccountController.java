package io.boxoffice.app.account;

import io.boxoffice.app.limits.ClientAddress;
import io.boxoffice.app.limits.RateLimits.Limit;
import io.boxoffice.app.limits.RateLimits;
import io.boxoffice.app.security.TokenIssuer;
import io.boxoffice.app.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in sign-in: {@code POST /api/auth/accounts} (sign up: a fan account), {@code /api/auth/token} (sign in
 * with username and password), {@code /api/auth/refresh} and {@code /api/auth/sign-out}. Every attempt is
 * rate-limited per client address, and sign-in and refresh per account too, before any password is checked.
 */
@RestController
@ConditionalOnProperty(name = "boxoffice.auth.issuer.enabled", havingValue = "true", matchIfMissing = true)
public class AccountController {

    private final Accounts accounts;
    private final Sessions sessions;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final RateLimits limits;
    /** Checked when the username is unknown, so that a refusal takes as long whether the account exists or not. */
    private final String unknownAccountHash;

    public AccountController(Accounts accounts, Sessions sessions, PasswordPolicy policy, PasswordEncoder passwords,
                             RateLimits limits) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.policy = policy;
        this.passwords = passwords;
        this.limits = limits;
        this.unknownAccountHash = passwords.encode("no account has this password");
    }

    public record Credentials(String username, String password) {

        /** Never printed: a request body in a log or a debugger shows no password. */
        @Override
        public String toString() {
            return "Credentials[username=" + username + "]";
        }
    }

    public record RefreshRequest(String refreshToken) {
    }

    @PostMapping("/api/auth/accounts")
    public ResponseEntity<Sessions.Issued> signUp(@RequestBody Credentials request, HttpServletRequest http) {
        limits.check(Limit.SIGN_UP_PER_ADDRESS, ClientAddress.of(http));
        String username = PasswordPolicy.normalize(request.username());
        Map<String, String> problems = policy.problems(username, request.password());
        if (!problems.isEmpty()) {
            throw Problems.invalid("The username or password cannot be used", problems);
        }
        if (!accounts.create(username, passwords.encode(request.password()), Set.of())) {
            throw Problems.error(HttpStatus.CONFLICT, "username-taken", "Username taken",
                    "the username " + username + " is taken; choose another one");
        }
        Accounts.Account account = accounts.find(username).orElseThrow();
        return ResponseEntity.created(URI.create("/api/auth/accounts/" + username)).body(sessions.open(account));
    }

    @PostMapping("/api/auth/token")
    public Sessions.Issued signIn(@RequestBody Credentials request, HttpServletRequest http) {
        limits.check(Limit.SIGN_IN_PER_ADDRESS, ClientAddress.of(http));
        String username = PasswordPolicy.normalize(request.username());
        Optional<Accounts.Account> account = Optional.empty();
        if (PasswordPolicy.isUsername(username)) {
            limits.check(Limit.SIGN_IN_PER_ACCOUNT, username);
            account = accounts.find(username);
        }
        String password = request.password() == null ? "" : request.password();
        boolean matches = passwords.matches(password, account.map(Accounts.Account::passwordHash)
                .orElse(unknownAccountHash));
        if (account.isEmpty() || !matches) {
            throw Problems.error(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Wrong username or password",
                    "the username or the password is wrong");
        }
        if (passwords.upgradeEncoding(account.get().passwordHash())) {
            accounts.changePassword(username, passwords.encode(password)); // hashed the way new ones are
        }
        return sessions.open(account.get());
    }

    @PostMapping("/api/auth/refresh")
    public Sessions.Issued refresh(@RequestBody RefreshRequest request, HttpServletRequest http) {
        limits.check(Limit.REFRESH_PER_ADDRESS, ClientAddress.of(http));
        String refreshToken = request.refreshToken();
        if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 100) {
            throw invalidRefreshToken();
        }
        sessions.owner(refreshToken).ifPresent(username -> limits.check(Limit.REFRESH_PER_ACCOUNT, username));
        return sessions.refresh(refreshToken).orElseThrow(AccountController::invalidRefreshToken);
    }

    /** Ends the session of the access token sent, or of the refresh token in the body; always 204. */
    @PostMapping("/api/auth/sign-out")
    public ResponseEntity<Void> signOut(@RequestBody(required = false) RefreshRequest request,
                                        Authentication user) {
        if (user instanceof JwtAuthenticationToken token && token.getToken().getClaimAsString(TokenIssuer.SESSION_CLAIM) != null) {
            sessions.signOut(token.getToken().getClaimAsString(TokenIssuer.SESSION_CLAIM));
        }
        if (request != null && request.refreshToken() != null && request.refreshToken().length() <= 100) {
            sessions.signOutWithRefreshToken(request.refreshToken());
        }
        return ResponseEntity.noContent().build();
    }

    private static ErrorResponseException invalidRefreshToken() {
        return Problems.error(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", "Session ended",
                "this session has ended (signed out, expired or revoked); sign in again");
    }
}
