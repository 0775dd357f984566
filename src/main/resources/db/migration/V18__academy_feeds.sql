-- academy (issue 12): calendar feeds, and a programme call that requires a completed course.

-- 1. A person's secret calendar address. Only the SHA-256 of its token is kept: a copy of the
--    database gives nobody a working address. One address per person; making a new one replaces
--    the row, so the old address stops working at once. The feed speaks the language the address
--    was made in (its titles), so what it says does not change behind its ETag when the person's
--    profile language does.
create table calendar_feed (
    person_id  bigint      primary key references person (id) on delete cascade,
    token_hash bytea       not null unique check (length(token_hash) = 32),
    language   text        not null check (language in ('en', 'ar', 'fr', 'id', 'ur')),
    created_at timestamptz not null
);

-- 2. When what a feed shows last changed: an event's DTSTAMP (RFC 5545: the last revision of the
--    event's information when the calendar has no METHOD) and a feed's Last-Modified. Kept by the
--    database in the statement that changes the row, whoever writes it (the editor, a move, a
--    cancellation, a hand-written statement), and only when a column the feeds show changes: a
--    cohort's seat count changes with every enrolment and is no news to a calendar.
alter table cohort_session add column changed_at timestamptz not null default now();
alter table cohort add column changed_at timestamptz not null default now();
alter table course add column changed_at timestamptz not null default now();
alter table enrolment add column changed_at timestamptz not null default now();

create function academy_changed_at() returns trigger language plpgsql as $$
begin
    new.changed_at := now();
    return new;
end $$;

create trigger cohort_session_changed before update on cohort_session
    for each row when (old.* is distinct from new.*) execute function academy_changed_at();
create trigger cohort_changed before update of label, time_zone, delivery, venue, room, meeting_link, visibility, course_id on cohort
    for each row when ((old.label, old.time_zone, old.delivery, old.venue, old.room, old.meeting_link, old.visibility)
                       is distinct from (new.label, new.time_zone, new.delivery, new.venue, new.room, new.meeting_link, new.visibility))
    execute function academy_changed_at();
create trigger course_changed before update of title on course
    for each row when (old.title is distinct from new.title) execute function academy_changed_at();
create trigger enrolment_changed before update of status on enrolment
    for each row when (old.status is distinct from new.status) execute function academy_changed_at();

-- A session removed leaves no row to date: its cohort records the moment instead, so the feeds
-- that no longer list it are newer than before.
create function academy_session_removed() returns trigger language plpgsql as $$
begin
    update cohort set changed_at = now() where id = old.cohort_id;
    return old;
end $$;
create trigger cohort_session_removed after delete on cohort_session
    for each row execute function academy_session_removed();

-- The person's feed reads their enrolments by person (enrolment_person), then the cohorts' sessions
-- (cohort_session_cohort): no new index is needed for it.

-- 3. A programme call may require a completed course of the academy (the intake reads the academy,
--    never the reverse). A course that a call requires is not deleted from under it.
alter table programme_call add column required_course_id bigint references course (id);
create index programme_call_required_course on programme_call (required_course_id) where required_course_id is not null;
