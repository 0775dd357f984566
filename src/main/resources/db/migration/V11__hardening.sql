-- identity: one row per ended Keycloak session. Keycloak may tell us twice (a retry, a replayed
-- token); the back-channel logout now inserts or updates the row for its sid. Rows naming only a
-- person (sid null) stay one per logout: each ends the sessions that began before it.
delete from revoked_session r
using revoked_session newer
where r.sid is not null and newer.sid = r.sid
  and (newer.revoked_at, newer.id) > (r.revoked_at, r.id);
drop index revoked_session_sid;
alter table revoked_session add constraint revoked_session_sid_key unique (sid);

-- identity: back-channel logout tokens already acted on, by their jti, until they expire (then a
-- replay fails on its exp anyway, and housekeeping removes the row). The primary key is what
-- makes a replayed token do nothing, also when two portal instances receive it at once.
create table logout_token_seen (
    jti        text        primary key,
    expires_at timestamptz not null
);
create index logout_token_seen_expiry on logout_token_seen (expires_at);
