package io.boxoffice.app.account;

import io.boxoffice.app.web.Problems;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Administrators grant roles (ADMIN only, by the security configuration): {@code GET /api/admin/accounts/{username}}
 * and {@code PUT /api/admin/accounts/{username}/roles {"roles":["AUDITOR"]}}. A change of roles ends the account's
 * sessions, so no token keeps a role that was taken away; the account signs in again with its new roles.
 */
@RestController
@ConditionalOnProperty(name = "boxoffice.auth.issuer.enabled", havingValue = "true", matchIfMissing = true)
public class AccountAdminController {

    private final Accounts accounts;
    private final Sessions sessions;

    public AccountAdminController(Accounts accounts, Sessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    public record AccountRoles(String username, List<Role> roles) {

        static AccountRoles of(String username, Set<Role> granted) {
            return new AccountRoles(username, Stream.concat(Stream.of(Role.FAN), granted.stream()).distinct()
                    .sorted().toList());
        }
    }

    public record RolesRequest(List<String> roles) {
    }

    @GetMapping("/api/admin/accounts/{username}")
    public AccountRoles account(@PathVariable String username) {
        Accounts.Account account = accounts.find(PasswordPolicy.normalize(username))
                .orElseThrow(() -> notFound(username));
        return AccountRoles.of(account.username(), account.roles());
    }

    @PutMapping("/api/admin/accounts/{username}/roles")
    public AccountRoles grant(@PathVariable String username, @RequestBody RolesRequest request) {
        String account = PasswordPolicy.normalize(username);
        Set<Role> roles = roles(request);
        if (FirstAdministrator.USERNAME.equals(account) && !roles.contains(Role.ADMIN)) {
            throw Problems.error(HttpStatus.CONFLICT, "first-administrator", "The first administrator stays one",
                    "admin keeps the ADMIN role, so that someone can always grant roles");
        }
        if (!accounts.grant(account, roles)) {
            throw notFound(username);
        }
        sessions.revokeAll(account);
        return AccountRoles.of(account, roles);
    }

    private static Set<Role> roles(RolesRequest request) {
        if (request.roles() == null) {
            throw Problems.invalid("The roles to grant are missing", Map.of("roles", "is required"));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : request.roles()) {
            try {
                roles.add(Role.valueOf(String.valueOf(role)));
            } catch (IllegalArgumentException unknown) {
                throw Problems.invalid("Unknown role", Map.of("roles", "each one of " + List.of(Role.values())));
            }
        }
        roles.remove(Role.FAN);
        return roles;
    }

    private static ErrorResponseException notFound(String username) {
        return Problems.error(HttpStatus.NOT_FOUND, "account-not-found", "Account not found",
                "no account " + username);
    }
}
