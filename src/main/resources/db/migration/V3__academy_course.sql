-- academy: the course catalog.
create table course (
    id             bigint generated always as identity primary key,
    title          jsonb   not null check (jsonb_typeof(title) = 'object'),
    summary        jsonb   not null check (jsonb_typeof(summary) = 'object'),
    duration_weeks integer not null check (duration_weeks > 0),
    published      boolean not null default false,
    version        bigint  not null default 0
);
