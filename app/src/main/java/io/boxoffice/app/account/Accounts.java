package io.boxoffice.app.account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The accounts of the built-in sign-in, in PostgreSQL: a username, a password hash and the granted roles. */
@Component
public class Accounts {

    private final JdbcTemplate jdbc;

    public Accounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param roles the granted roles (FAN is implied and never stored) */
    public record Account(String username, String passwordHash, Set<Role> roles) {
    }

    public Optional<Account> find(String username) {
        return jdbc.query("SELECT username, password_hash, roles FROM account WHERE username = ?",
                (row, n) -> new Account(row.getString(1), row.getString(2), roles(row.getArray(3))), username)
                .stream().findFirst();
    }

    /** Creates the account unless the username is taken; tells which. */
    public boolean create(String username, String passwordHash, Set<Role> roles) {
        return jdbc.update("INSERT INTO account (username, password_hash, roles) VALUES (?, ?, ?) "
                + "ON CONFLICT (username) DO NOTHING", username, passwordHash, array(roles)) == 1;
    }

    public void changePassword(String username, String passwordHash) {
        jdbc.update("UPDATE account SET password_hash = ? WHERE username = ?", passwordHash, username);
    }

    /** Replaces the granted roles; false when there is no such account. */
    public boolean grant(String username, Set<Role> roles) {
        return jdbc.update("UPDATE account SET roles = ? WHERE username = ?", array(roles), username) == 1;
    }

    private static String[] array(Set<Role> roles) {
        return roles.stream().filter(role -> role != Role.FAN).sorted().map(Role::name).toArray(String[]::new);
    }

    private static Set<Role> roles(Array stored) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) stored.getArray()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }
}
