-- academy: courses, cohorts, sessions, enrolments and attendance (issue 12). The rules live in the
-- entities (Course, Cohort, CohortSession, Enrolment, EnrolmentStatus); this migration holds what
-- the database must guarantee whatever the Java does: above all the fairness invariant, a cohort
-- never holding more seats than its capacity, under any concurrency and on any number of instances.

-- 1. A course: texts in the five languages, what a learner gains, for whom, and how it is completed.
--    "published" becomes the course's status: active (offered) or archived (kept for history).
alter table course
    add column outcomes         jsonb   not null default '{}' check (jsonb_typeof(outcomes) = 'object'),
    add column language         text    not null default 'en' check (language ~ '^[a-z]{2,3}$'),
    add column level            text    not null default 'BEGINNER' check (level in ('BEGINNER', 'INTERMEDIATE', 'ADVANCED')),
    add column default_capacity integer not null default 20 check (default_capacity between 1 and 10000),
    -- the completion rule: the share of sessions attended (present, late or excused), in percent,
    -- and whether a final assessment must be passed too
    add column min_attendance   integer not null default 80 check (min_attendance between 0 and 100),
    add column final_assessment boolean not null default false,
    add column status           text    not null default 'ACTIVE' check (status in ('ACTIVE', 'ARCHIVED'));
update course set status = case when published then 'ACTIVE' else 'ARCHIVED' end;
alter table course drop column published;
create index course_active on course (id) where status = 'ACTIVE';

-- Courses a learner must have completed first. A course never requires itself; longer cycles are
-- refused by Courses.save, which walks the graph.
create table course_prerequisite (
    course_id   bigint not null references course (id) on delete cascade,
    required_id bigint not null references course (id),
    primary key (course_id, required_id),
    check (course_id <> required_id)
);

-- 2. A cohort: one run of a course. Its dates are days in its own time zone; the enrolment window
--    is two moments. seats_taken counts the enrolments holding a seat (confirmed, offered, completed),
--    kept by the trigger below in the same transaction as every change of an enrolment's status,
--    and its check is the invariant itself: no statement can leave more seats taken than there are.
create table cohort (
    id                  bigint generated always as identity primary key,
    course_id           bigint      not null references course (id),
    label               text        check (length(label) <= 200),
    time_zone           text        not null,
    starts_on           date        not null,
    ends_on             date        not null,
    delivery            text        not null check (delivery in ('IN_PERSON', 'ONLINE', 'BLENDED')),
    venue               text        check (length(venue) <= 200),
    room                text        check (length(room) <= 100),
    meeting_link        text        check (length(meeting_link) <= 500 and meeting_link ~ '^https://'),
    capacity            integer     not null check (capacity between 1 and 10000),
    seats_taken         integer     not null default 0,
    -- how many events (requests, waitlistings, seats given, departures) the cohort has seen: the
    -- counter the trigger numbers them with
    event_count         bigint      not null default 0,
    enrolment_opens_at  timestamptz not null,
    enrolment_closes_at timestamptz not null,
    approval_required   boolean     not null default false,
    visibility          text        not null default 'PUBLIC' check (visibility in ('PUBLIC', 'INVITED')),
    created_at          timestamptz not null,
    version             bigint      not null default 0,
    constraint cohort_dates check (ends_on >= starts_on),
    constraint cohort_window check (enrolment_closes_at > enrolment_opens_at),
    constraint cohort_seats check (seats_taken between 0 and capacity),
    constraint cohort_venue check (delivery = 'ONLINE' or venue is not null),
    constraint cohort_link check (delivery = 'IN_PERSON' or meeting_link is not null)
);
create index cohort_course on cohort (course_id, starts_on);
-- The public catalog reads upcoming public cohorts in date order.
create index cohort_catalog on cohort (ends_on, starts_on, id) where visibility = 'PUBLIC';

-- Instructors are people of the realm (staff, mentors); the portal keeps their person id.
create table cohort_instructor (
    cohort_id bigint not null references cohort (id) on delete cascade,
    person_id bigint not null references person (id),
    primary key (cohort_id, person_id)
);
create index cohort_instructor_person on cohort_instructor (person_id);

-- An invited-only cohort's list: e-mail addresses (lower case), so people can be invited before
-- they first sign in; matched with the person's address at enrolment.
create table cohort_invitation (
    cohort_id bigint not null references cohort (id) on delete cascade,
    email     text   not null check (email = lower(email) and length(email) <= 254 and email like '%_@_%'),
    primary key (cohort_id, email)
);

-- 3. Sessions: moments (instants); the cohort's zone says how they read on a wall clock.
create table cohort_session (
    id        bigint generated always as identity primary key,
    cohort_id bigint      not null references cohort (id) on delete cascade,
    title     text        check (length(title) <= 200),
    starts_at timestamptz not null,
    ends_at   timestamptz not null,
    version   bigint      not null default 0,
    check (ends_at > starts_at and ends_at - starts_at <= interval '24 hours')
);
create index cohort_session_cohort on cohort_session (cohort_id, starts_at);

-- 4. Enrolments. One row per request, kept for history; a person holds at most one that is not
--    cancelled per cohort (the partial unique index: two tabs, two instances, one row).
--    The *_seq columns order a cohort's events (requested, joined the waitlist, got a seat, left):
--    numbers from the cohort's own counter, drawn by the trigger in the statement that locks the
--    cohort's row, so they are the order in which the changes really happened. Waitlist order is
--    requested_seq; the concurrency test reads the rest to prove nobody was passed over. (Not a
--    sequence: EclipseLink reads a new row's identity with lastval(), which a nextval in a
--    trigger would answer instead.)

create table enrolment (
    id               bigint generated always as identity primary key,
    cohort_id        bigint      not null references cohort (id),
    person_id        bigint      not null references person (id),
    status           text        not null check (status in ('REQUESTED', 'CONFIRMED', 'WAITLISTED', 'OFFERED', 'CANCELLED', 'COMPLETED')),
    requested_at     timestamptz not null,
    offer_expires_at timestamptz,
    -- when the learner was told the offer is about to end (once per offer)
    offer_reminded_at timestamptz,
    ended_at         timestamptz,
    ended_reason     text        check (ended_reason in ('LEFT', 'DECLINED', 'EXPIRED', 'REFUSED', 'STAFF')),
    ended_note       text        check (length(ended_note) <= 1000),
    requested_seq    bigint      not null,
    waitlisted_seq   bigint,
    seated_seq       bigint,
    ended_seq        bigint,
    version          bigint      not null default 0,
    constraint enrolment_offer check ((status = 'OFFERED') = (offer_expires_at is not null)),
    constraint enrolment_ended check ((status = 'CANCELLED') = (ended_reason is not null and ended_at is not null)),
    constraint enrolment_staff_reason check (ended_reason is distinct from 'STAFF' or ended_note is not null)
);
create unique index enrolment_one_active on enrolment (cohort_id, person_id) where status <> 'CANCELLED';
-- Two requests never share a place in the order.
create unique index enrolment_request_order on enrolment (cohort_id, requested_seq);
create index enrolment_waitlist on enrolment (cohort_id, requested_seq) where status = 'WAITLISTED';
create index enrolment_person on enrolment (person_id, cohort_id);
create index enrolment_offers on enrolment (offer_expires_at) where status = 'OFFERED';
create index enrolment_cohort on enrolment (cohort_id, status, requested_seq);

-- The seat count and the order of events, in the transaction of the change itself. The statement
-- that moves the counters locks the cohort's row (the services lock it already; a hand-written
-- statement waits here), so the changes of one cohort follow one another and the numbers drawn are
-- their real order. A change that would take more seats than the cohort has fails on cohort_seats,
-- whatever wrote it.
create function academy_enrolment_track() returns trigger language plpgsql as $$
declare
    held_before boolean := tg_op <> 'INSERT' and old.status in ('CONFIRMED', 'OFFERED', 'COMPLETED');
    held_after  boolean := tg_op <> 'DELETE' and new.status in ('CONFIRMED', 'OFFERED', 'COMPLETED');
    cohort_of   bigint  := case when tg_op = 'DELETE' then old.cohort_id else new.cohort_id end;
    requested   boolean := tg_op = 'INSERT';
    waitlisted  boolean := tg_op <> 'DELETE' and new.status = 'WAITLISTED' and (tg_op = 'INSERT' or old.status <> 'WAITLISTED');
    seated      boolean := held_after and not held_before and new.status <> 'COMPLETED';
    ended       boolean := tg_op <> 'DELETE' and new.status = 'CANCELLED' and (tg_op = 'INSERT' or old.status <> 'CANCELLED');
    events      integer := requested::int + waitlisted::int + seated::int + ended::int;
    last        bigint;
begin
    if tg_op = 'UPDATE' and (new.cohort_id <> old.cohort_id or new.person_id <> old.person_id) then
        raise exception 'An enrolment stays with its cohort and its person' using errcode = 'check_violation';
    end if;
    update cohort
    set seats_taken = seats_taken + case when held_after and not held_before then 1
                                         when held_before and not held_after then -1 else 0 end,
        event_count = event_count + events
    where id = cohort_of
    returning event_count into last;
    if tg_op = 'DELETE' then
        return old;
    end if;
    if tg_op = 'INSERT' then
        new.waitlisted_seq := null;
        new.seated_seq := null;
        new.ended_seq := null;
    end if;
    -- Handed out in this order: requested, waitlisted, seated, ended.
    last := last - events;
    if requested then
        last := last + 1;
        new.requested_seq := last;
    end if;
    if waitlisted then
        last := last + 1;
        new.waitlisted_seq := last;
    end if;
    if seated then
        last := last + 1;
        new.seated_seq := last;
    end if;
    if ended then
        last := last + 1;
        new.ended_seq := last;
    end if;
    return new;
end $$;
create trigger enrolment_track before insert or update of status or delete on enrolment
    for each row execute function academy_enrolment_track();

-- 5. Attendance, per session and learner (the pages that take it come later).
create table attendance (
    session_id bigint      not null references cohort_session (id) on delete cascade,
    person_id  bigint      not null references person (id),
    mark       text        not null check (mark in ('PRESENT', 'LATE', 'EXCUSED', 'ABSENT')),
    marked_at  timestamptz not null,
    marked_by  bigint      references person (id),
    primary key (session_id, person_id)
);
create index attendance_person on attendance (person_id);
