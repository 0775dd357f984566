-- academy: sessions that move and are cancelled, one room and one instructor in one place at a
-- time, and session reminders (issue 12, the schedule). The rules live in Session, Cohort and
-- Bookings; this migration holds what the database must guarantee whatever the Java does: above
-- all that two instances scheduling at once cannot both put a room or a person in two places.

-- 1. A session is cancelled, not deleted, once people count on it: it keeps its place in the
--    history (attendance, notices, the learners' calendars) with the staff's reason.
alter table cohort_session
    add column status        text        not null default 'SCHEDULED' check (status in ('SCHEDULED', 'CANCELLED')),
    add column cancelled_at  timestamptz,
    add column cancel_reason text        check (length(cancel_reason) <= 1000),
    add constraint cohort_session_cancelled
        check ((status = 'CANCELLED') = (cancelled_at is not null and cancel_reason is not null));
-- The staff calendar reads every cohort's sessions of the weeks it shows; the reminder job the next two days.
create index cohort_session_starts on cohort_session (starts_at);

-- 2. Who is where, when. Each scheduled session books its cohort's room (in person or blended: the
--    venue and room, compared without letter case or extra spaces) and each of its cohort's
--    instructors for its time, one row each, kept by the triggers below in the statement that
--    changes a session, a cohort's place or its instructors. The exclusion constraints are the
--    rule itself: no two bookings of one room, or of one person, overlap ('[)': one session may
--    end as the next begins). A second transaction booking the same slot waits for the first and
--    then fails (SQLSTATE 23P01), on any number of instances; Bookings says which session won.
--    btree_gist lets a GiST index compare the key with "="; it is a trusted extension (PostgreSQL
--    13+), so the database's owner may create it without being a superuser.
create extension if not exists btree_gist;

-- Mirrored by Cohort.roomKey: the same normalisation on both sides.
create function academy_room_key(delivery text, venue text, room text) returns text
    language sql immutable as $$
    select case when delivery = 'ONLINE' or venue is null or btrim(venue) = '' then null
                else lower(regexp_replace(btrim(venue), '\s+', ' ', 'g')) || ' | '
                     || coalesce(lower(regexp_replace(btrim(room), '\s+', ' ', 'g')), '') end
$$;

create table session_room (
    session_id bigint    primary key references cohort_session (id) on delete cascade,
    room_key   text      not null,
    during     tstzrange not null,
    constraint session_room_clash exclude using gist (room_key with =, during with &&)
);

create table session_instructor (
    session_id bigint    not null references cohort_session (id) on delete cascade,
    person_id  bigint    not null references person (id),
    during     tstzrange not null,
    primary key (session_id, person_id),
    constraint session_instructor_clash exclude using gist (person_id with =, during with &&)
);

-- A session's bookings, written again from its row and its cohort's: none when it is cancelled.
create function academy_session_book(session bigint) returns void language plpgsql as $$
begin
    delete from session_room where session_id = session;
    delete from session_instructor where session_id = session;
    insert into session_room (session_id, room_key, during)
    select s.id, academy_room_key(h.delivery, h.venue, h.room), tstzrange(s.starts_at, s.ends_at, '[)')
    from cohort_session s join cohort h on h.id = s.cohort_id
    where s.id = session and s.status = 'SCHEDULED' and academy_room_key(h.delivery, h.venue, h.room) is not null;
    insert into session_instructor (session_id, person_id, during)
    select s.id, i.person_id, tstzrange(s.starts_at, s.ends_at, '[)')
    from cohort_session s join cohort_instructor i on i.cohort_id = s.cohort_id
    where s.id = session and s.status = 'SCHEDULED';
end $$;

create function academy_session_booked() returns trigger language plpgsql as $$
begin
    perform academy_session_book(new.id);
    return null;
end $$;
create trigger cohort_session_booked after insert or update of status, starts_at, ends_at on cohort_session
    for each row execute function academy_session_booked();

-- A cohort that changes its venue, room or delivery books its sessions' new room.
create function academy_cohort_room_moved() returns trigger language plpgsql as $$
declare
    s bigint;
begin
    if academy_room_key(new.delivery, new.venue, new.room) is distinct from academy_room_key(old.delivery, old.venue, old.room) then
        for s in select id from cohort_session where cohort_id = new.id and status = 'SCHEDULED' order by id loop
            perform academy_session_book(s);
        end loop;
    end if;
    return null;
end $$;
create trigger cohort_room_moved after update of delivery, venue, room on cohort
    for each row execute function academy_cohort_room_moved();

-- An instructor added to a cohort is booked for its sessions; one removed is freed.
create function academy_instructor_booked() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        delete from session_instructor
        where person_id = old.person_id and session_id in (select id from cohort_session where cohort_id = old.cohort_id);
        return null;
    end if;
    insert into session_instructor (session_id, person_id, during)
    select s.id, new.person_id, tstzrange(s.starts_at, s.ends_at, '[)')
    from cohort_session s where s.cohort_id = new.cohort_id and s.status = 'SCHEDULED'
    on conflict (session_id, person_id) do nothing;
    return null;
end $$;
create trigger cohort_instructor_booked after insert or delete on cohort_instructor
    for each row execute function academy_instructor_booked();

-- Sessions that exist already are booked as they are (a clash among them stops the migration:
-- better than a schedule that is wrong without anyone knowing).
select academy_session_book(id) from cohort_session where status = 'SCHEDULED' order by id;

-- 3. Session reminders: one per person, session and start, whichever instance's job claims it first
--    (the notice's own key backs it). A session moved later is reminded again at its new time.
create table session_reminder (
    session_id  bigint      not null references cohort_session (id) on delete cascade,
    person_id   bigint      not null references person (id),
    starts_at   timestamptz not null,
    reminded_at timestamptz not null,
    primary key (session_id, person_id, starts_at)
);

-- 4. notification: how long before a session a person wants its reminder, in minutes; 0 is never,
--    null the default (NoticePreferences.ReminderLead: 24 hours).
alter table notice_delivery
    add column reminder_lead_minutes integer check (reminder_lead_minutes between 0 and 10080);
