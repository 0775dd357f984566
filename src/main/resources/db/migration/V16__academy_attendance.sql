-- academy: attendance taken by instructors and by learners' own check-in, the final assessment, and
-- what completion needs (issue 12). The rules live in Java (Mark, CheckInWindow, CheckInCode,
-- AttemptLimit, Course.isCompletedBy); this migration holds what the database must guarantee.

-- 1. A mark changes under optimistic locking: the instructor's page posts the version it showed, and
--    a mark someone else (another instructor, the learner's own check-in) changed meanwhile is not
--    overwritten. "via" tells the instructor how a mark came: from the roll or from a check-in.
alter table attendance
    add column version bigint not null default 0,
    add column via     text   not null default 'ROLL' check (via in ('ROLL', 'CHECK_IN'));

-- 2. Each session's check-in code: six characters from an alphabet without look-alikes (no 0 or
--    O, no 1, I or L, no U beside V: CheckInCode.ALPHABET), drawn from PostgreSQL's strong random source
--    (gen_random_uuid), never derived from the session's id or time, unique among all sessions so a
--    code names one session. Every session gets one as it is inserted, however it is inserted (the
--    editor, a series, the demo seed), so no page has to write one while it is only being read.
--    Valid only during the session (CheckInWindow decides, in Java).
create table session_check_in (
    session_id bigint      primary key references cohort_session (id) on delete cascade,
    code       text        not null unique check (code ~ '^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{6}$'),
    created_at timestamptz not null
);

create function academy_new_session_code(session bigint) returns text language plpgsql as $$
declare
    alphabet constant text := '23456789ABCDEFGHJKMNPQRSTVWXYZ';
    -- a UUID's bytes but the two that carry its version and variant bits
    positions constant int[] := array[0, 1, 2, 3, 4, 5, 7, 9, 10, 11, 12, 13, 14, 15];
    bytes     bytea;
    b         int;
    candidate text;
begin
    loop
        bytes := decode(replace(gen_random_uuid()::text, '-', ''), 'hex');
        candidate := '';
        foreach b in array positions loop
            -- 240 = 8 x 30: bytes above it are dropped, so every character is equally likely
            if get_byte(bytes, b) < 240 and length(candidate) < 6 then
                candidate := candidate || substr(alphabet, 1 + get_byte(bytes, b) % 30, 1);
            end if;
        end loop;
        if length(candidate) = 6 then
            begin
                insert into session_check_in (session_id, code, created_at) values (session, candidate, now());
                return candidate;
            exception when unique_violation then
                -- another session holds this code: draw again (unless this session has one already)
                select k.code into candidate from session_check_in k where k.session_id = session;
                if candidate is not null then
                    return candidate;
                end if;
            end;
        end if;
    end loop;
end $$;

create function academy_session_code() returns trigger language plpgsql as $$
begin
    perform academy_new_session_code(new.id);
    return new;
end $$;
create trigger cohort_session_code after insert on cohort_session
    for each row execute function academy_session_code();

select academy_new_session_code(s.id) from cohort_session s
where not exists (select 1 from session_check_in k where k.session_id = s.id);

-- 3. Failed check-ins per person and fixed window of time (AttemptLimit): the guessing limit holds
--    on every instance, since they share this table. Old windows are removed as new ones start.
create table check_in_attempt (
    person_id    bigint      not null references person (id) on delete cascade,
    window_start timestamptz not null,
    failures     integer     not null check (failures > 0),
    primary key (person_id, window_start)
);

-- 4. The final assessment of an enrolment, when its course requires one: passed or not, by whom,
--    with a version for the same stale-safe saving as the marks.
create table final_assessment (
    enrolment_id bigint      primary key references enrolment (id) on delete cascade,
    passed       boolean     not null,
    recorded_at  timestamptz not null,
    recorded_by  bigint      references person (id),
    version      bigint      not null default 0
);

-- 5. The completion job looks for cohorts whose last session has ended and who still hold
--    confirmed learners; the roster and "My learning" count a cohort's marks per person.
create index cohort_session_ends on cohort_session (cohort_id, ends_at);
create index enrolment_confirmed on enrolment (cohort_id) where status = 'CONFIRMED';
