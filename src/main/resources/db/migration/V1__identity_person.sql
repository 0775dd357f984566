-- identity: people who have signed in through Keycloak, keyed by the token subject.
create table person (
    id            bigint generated always as identity primary key,
    subject       text        not null unique,
    username      text        not null,
    display_name  text,
    email         text,
    locale        text check (locale in ('en', 'ar', 'fr', 'id', 'ur')),
    created_at    timestamptz not null,
    last_login_at timestamptz,
    version       bigint      not null default 0
);

-- Keycloak sessions that ended (back-channel logout); portal sessions that belong to them end too.
create table revoked_session (
    id         bigint generated always as identity primary key,
    sid        text,
    subject    text,
    revoked_at timestamptz not null,
    check (sid is not null or subject is not null)
);
create index revoked_session_sid on revoked_session (sid) where sid is not null;
create index revoked_session_subject on revoked_session (subject, revoked_at) where sid is null;
