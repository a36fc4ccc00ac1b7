-- Accounts of the built-in sign-in: a fan by default; ADMIN, AUDITOR and SCANNER only by an administrator's grant.
CREATE TABLE account (
    username      VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash VARCHAR(255) NOT NULL,
    roles         TEXT[]       NOT NULL DEFAULT '{}',
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- One row per sign-in: the refresh token (only its SHA-256) and, once signed out or revoked, when. Access tokens
-- carry the session id, so revoking a session also refuses its access tokens on every node.
CREATE TABLE auth_session (
    session_id            UUID        NOT NULL PRIMARY KEY,
    username              VARCHAR(64) NOT NULL REFERENCES account (username) ON DELETE CASCADE,
    refresh_token_hash    BYTEA       NOT NULL UNIQUE,
    -- the token this one replaced: presented again, it was stolen or leaked, and the session is revoked
    previous_refresh_hash BYTEA,
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at            TIMESTAMPTZ NOT NULL,
    revoked_at            TIMESTAMPTZ
);

CREATE INDEX auth_session_by_user ON auth_session (username);
CREATE INDEX auth_session_by_previous ON auth_session (previous_refresh_hash);
CREATE INDEX auth_session_revoked ON auth_session (revoked_at) WHERE revoked_at IS NOT NULL;
