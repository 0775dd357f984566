-- incubation: mentors, their profiles and their assignments to ventures (issue 13). The rules live
-- in the entities (MentorProfile, MentorAssignment, AssignmentStatus) and the matching in
-- incubation.matching; this migration holds what the database must guarantee whatever the Java
-- does: above all a mentor's hard cap on concurrent ventures, under any concurrency, on any
-- number of instances.

-- 1. What a venture needs and speaks, for matching. Needs and languages are short tags.
alter table venture
    add column needs           text[]  not null default '{}',
    add column languages       text[]  not null default '{}',
    add column wants_in_person boolean not null default true,
    add column version         bigint  not null default 0;

-- 2. A programme's own matching weights (the call a venture came from), edited by staff; language
--    first by default. Each 0..100.
alter table programme_call
    add column weight_language integer not null default 40 check (weight_language between 0 and 100),
    add column weight_needs    integer not null default 30 check (weight_needs between 0 and 100),
    add column weight_region   integer not null default 20 check (weight_region between 0 and 100),
    add column weight_capacity integer not null default 10 check (weight_capacity between 0 and 100);

-- 3. A mentor's profile: one per person. places_taken counts the assignments holding one of the
--    mentor's places (offered or active), kept by the trigger below in the same transaction as
--    every change of an assignment's status; its check is the cap itself: no statement can leave a
--    mentor with more ventures than the cap, so two staff assigning on two instances at once cannot
--    overrun it (the second waits for the first's row lock, then fails the check).
create table mentor_profile (
    person_id    bigint  primary key references person (id),
    expertise    text[]  not null default '{}',
    languages    text[]  not null default '{}',
    region       text    check (length(region) <= 100),
    mode         text    not null default 'BOTH' check (mode in ('IN_PERSON', 'ONLINE', 'BOTH')),
    cap          integer not null default 3 check (cap between 0 and 50),
    places_taken integer not null default 0,
    available    boolean not null default true,
    about        text    check (length(about) <= 2000),
    version      bigint  not null default 0,
    constraint mentor_cap check (places_taken between 0 and cap)
);

-- A mentor's declared conflict of interest with a venture: they are never offered for it.
create table mentor_conflict (
    mentor_id  bigint not null references mentor_profile (person_id) on delete cascade,
    venture_id bigint not null references venture (id) on delete cascade,
    note       text   check (length(note) <= 500),
    primary key (mentor_id, venture_id)
);

-- 4. An assignment: offered by staff, accepted or declined by the mentor, expired when nobody
--    answers, ended, or marked "not a good fit" by either side (the venture goes back to matching).
create table mentor_assignment (
    id               bigint generated always as identity primary key,
    venture_id       bigint      not null references venture (id),
    mentor_id        bigint      not null references mentor_profile (person_id),
    status           text        not null check (status in ('OFFERED', 'ACTIVE', 'DECLINED', 'EXPIRED', 'ENDED', 'NOT_A_FIT', 'WITHDRAWN')),
    starts_on        date        not null,
    ends_on          date        not null,
    offered_by       bigint      references person (id),
    offered_at       timestamptz not null,
    offer_expires_at timestamptz,
    answered_at      timestamptz,
    ended_at         timestamptz,
    ended_note       text        check (length(ended_note) <= 1000),
    score            integer,
    version          bigint      not null default 0,
    constraint assignment_dates check (ends_on > starts_on),
    constraint assignment_offer check (status <> 'OFFERED' or offer_expires_at is not null)
);
-- One live assignment per venture and mentor.
create unique index mentor_assignment_live on mentor_assignment (venture_id, mentor_id) where status in ('OFFERED', 'ACTIVE');
create index mentor_assignment_mentor on mentor_assignment (mentor_id, status);
create index mentor_assignment_venture on mentor_assignment (venture_id, status);
create index mentor_assignment_due on mentor_assignment (offer_expires_at) where status = 'OFFERED';

create function incubation_assignment_places() returns trigger language plpgsql as $$
declare
    was_live boolean := tg_op <> 'INSERT' and old.status in ('OFFERED', 'ACTIVE');
    is_live  boolean := tg_op <> 'DELETE' and new.status in ('OFFERED', 'ACTIVE');
begin
    if tg_op = 'UPDATE' and old.mentor_id <> new.mentor_id then
        raise exception 'an assignment keeps its mentor';
    end if;
    if is_live and not was_live then
        update mentor_profile set places_taken = places_taken + 1 where person_id = new.mentor_id;
    elsif was_live and not is_live then
        update mentor_profile set places_taken = places_taken - 1 where person_id = old.mentor_id;
    end if;
    return coalesce(new, old);
end $$;
create trigger mentor_assignment_places before insert or update of status or delete on mentor_assignment
    for each row execute function incubation_assignment_places();
