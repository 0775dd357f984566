-- intake: calls for applications to the incubation programme (the home page lists the open ones).
create table programme_call (
    id        bigint generated always as identity primary key,
    title     jsonb       not null check (jsonb_typeof(title) = 'object'),
    summary   jsonb       not null check (jsonb_typeof(summary) = 'object'),
    opens_at  timestamptz not null,
    closes_at timestamptz not null,
    time_zone text        not null,
    version   bigint      not null default 0,
    check (closes_at > opens_at)
);
create index programme_call_window on programme_call (opens_at, closes_at);
