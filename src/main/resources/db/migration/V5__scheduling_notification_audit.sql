-- identity: the realm roles a person had at their last sign-in, so a newly granted role can be
-- announced ("you are now a reviewer") the next time they come. Sorted, comma-separated.
alter table person add column roles text not null default '';

-- shared: who did what, for actions staff and admins take (job paused, delivery retried, ...).
create table audit_entry (
    id          bigint generated always as identity primary key,
    at          timestamptz not null,
    actor_id    bigint references person (id),
    actor       text        not null,
    action      text        not null,
    object_type text        not null,
    object_id   text,
    detail      text
);
create index audit_entry_at on audit_entry (at desc);
create index audit_entry_object on audit_entry (object_type, object_id, at desc);

-- shared: settings an admin changes at run time (the digest hour); defaults come from config.
create table system_setting (
    key        text primary key,
    value      text        not null,
    updated_at timestamptz not null,
    updated_by bigint references person (id)
);

-- scheduling: one row per job execution, for the Scheduled jobs page (Quartz itself keeps only
-- the next and previous fire times). Written by a Quartz listener on the instance that ran it.
create table job_run (
    id            bigint generated always as identity primary key,
    job_name      text        not null,
    trigger_name  text        not null,
    fire_id       text        not null,
    instance_name text        not null,
    scheduled_at  timestamptz,
    started_at    timestamptz not null,
    finished_at   timestamptz,
    outcome       text        not null check (outcome in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    recovering    boolean     not null default false,
    detail        text,
    unique (instance_name, fire_id)
);
create index job_run_job on job_run (job_name, started_at desc);

-- notification: every notice a person gets, in-app and (perhaps) by e-mail. The unique
-- (recipient, dedupe_key) is what makes a retried or doubly fired job notify only once.
create table notice (
    id                  bigint generated always as identity primary key,
    recipient_id        bigint      not null references person (id),
    kind                text        not null,
    dedupe_key          text        not null,
    data                jsonb       not null default '{}' check (jsonb_typeof(data) = 'object'),
    link                text,
    created_at          timestamptz not null,
    read_at             timestamptz,
    email_state         text        not null check (email_state in
                            ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED', 'DIGEST', 'DIGESTED')),
    email_attempts      int         not null default 0,
    email_due_at        timestamptz,
    email_claimed_until timestamptz,
    email_sent_at       timestamptz,
    email_error         text,
    unique (recipient_id, dedupe_key)
);
create index notice_recipient on notice (recipient_id, created_at desc);
create index notice_unread on notice (recipient_id) where read_at is null;
create index notice_outbox on notice (email_due_at) where email_state in ('PENDING', 'SENDING');
create index notice_digest on notice (recipient_id) where email_state = 'DIGEST';
create index notice_failed on notice (created_at desc) where email_state = 'FAILED';

-- notification: a person's choices. No row means the defaults: e-mail on, sent immediately.
create table notice_preference (
    person_id bigint  not null references person (id),
    kind      text    not null,
    email     boolean not null,
    primary key (person_id, kind)
);
create table notice_delivery (
    person_id bigint primary key references person (id),
    mode      text not null check (mode in ('IMMEDIATE', 'DAILY_DIGEST'))
);
