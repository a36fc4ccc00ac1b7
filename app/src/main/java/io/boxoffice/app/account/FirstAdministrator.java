package io.boxoffice.app.account;

import io.boxoffice.app.runtime.OwnerOnlyFile;
import io.boxoffice.app.security.AuthProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The first administrator, {@code admin}, from whom every other role comes. Its password is
 * {@code boxoffice.auth.admin-password}; the embedded default makes one at its first start, keeps it in its data
 * folder and prints it once. Anywhere else the application does not start without it. Changing the setting changes
 * the password at the next start and ends the administrator's sessions. Made before the server takes requests.
 */
@Component
@ConditionalOnProperty(name = "boxoffice.auth.issuer.enabled", havingValue = "true", matchIfMissing = true)
public class FirstAdministrator implements SmartInitializingSingleton {

    public static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final AuthProperties auth;
    private final Accounts accounts;
    private final Sessions sessions;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final EmbeddedPasswords embedded;

    public FirstAdministrator(AuthProperties auth, Accounts accounts, Sessions sessions, PasswordEncoder passwords,
                              PasswordPolicy policy, EmbeddedPasswords embedded) {
        this.auth = auth;
        this.accounts = accounts;
        this.sessions = sessions;
        this.passwords = passwords;
        this.policy = policy;
        this.embedded = embedded;
    }

    @Override
    public void afterSingletonsInstantiated() {
        String password = auth.adminPassword();
        boolean made = false;
        if (password == null || password.isEmpty()) {
            if (!embedded.available()) {
                throw new IllegalStateException("Set boxoffice.auth.admin-password (BOXOFFICE_AUTH_ADMIN_PASSWORD), "
                        + "the password of the first administrator 'admin': only the embedded default makes one");
            }
            OwnerOnlyFile.Kept kept = embedded.passwordOf(USERNAME);
            password = kept.value();
            made = kept.isNew();
        }
        Map<String, String> problems = policy.problems(USERNAME, password);
        if (problems.containsKey("password")) {
            throw new IllegalStateException("boxoffice.auth.admin-password: " + problems.get("password"));
        }
        ensure(password);
        if (made) {
            log.info("First start: sign in as '{}' with the password {} (kept in {})", USERNAME, password,
                    embedded.file());
        } else if (embedded.available()) {
            log.info("The embedded default's passwords ('{}' and the demo accounts') are in {}", USERNAME,
                    embedded.file());
        }
    }

    private void ensure(String password) {
        Accounts.Account admin = accounts.find(USERNAME).orElse(null);
        if (admin == null) {
            accounts.create(USERNAME, passwords.encode(password), Set.of(Role.ADMIN));
            return;
        }
        if (!passwords.matches(password, admin.passwordHash())) {
            accounts.changePassword(USERNAME, passwords.encode(password));
            sessions.revokeAll(USERNAME);
            log.info("The password of '{}' changed with boxoffice.auth.admin-password; its sessions ended", USERNAME);
        }
        if (!admin.roles().contains(Role.ADMIN)) {
            Set<Role> roles = EnumSet.copyOf(admin.roles().isEmpty() ? Set.of(Role.ADMIN) : admin.roles());
            roles.add(Role.ADMIN);
            accounts.grant(USERNAME, roles);
        }
    }
}
