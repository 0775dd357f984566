-- intake: the model (issue 11). The rules live in the entities now (Application, ReviewAssignment,
-- Review, CallQuestion...); this migration adds what the database must hold or compute for them.

-- 1. A choice option keeps a stable value apart from its labels (QuestionChoice): answers store the
--    value, staff change the labels. Calls written before the editor kept plain strings ("home"),
--    which were both; each becomes {"value": "home", "label": {"en": "home"}}, so every stored
--    answer keeps matching its option. From now on every option is an object with a value.
update call_question q
set choices = (select jsonb_agg(case when jsonb_typeof(c) = 'string'
                                     then jsonb_build_object('value', c #>> '{}', 'label', jsonb_build_object('en', c #>> '{}'))
                                     else c end order by n)
               from jsonb_array_elements(q.choices) with ordinality as e(c, n))
where jsonb_path_exists(q.choices, '$[*] ? (@.type() == "string")');
alter table call_question add constraint call_question_choice_values check (
    not jsonb_path_exists(choices, '$[*] ? (@.type() != "object" || !(exists (@.value)) || @.value.type() != "string" || @.value == "")'));

-- 2. A member's address is compared with lower(person.email) (Conflicts). The entity writes it in
--    lower case; the database's own lower() has the last word, so both sides fold case alike even
--    for the few letters where Java's and PostgreSQL's lower case differ (V9's check stays).
create function application_member_email_lower() returns trigger language plpgsql as $$
begin
    new.email := lower(new.email);
    return new;
end $$;
create trigger application_member_email_lower before insert or update of email on application_member
    for each row execute function application_member_email_lower();

-- 3. Each submitted application's review summary, kept where the database can sort and page by it
--    (staff sort a call by score, and see reviews done of assigned). Derived data: written only by
--    intake_refresh_scores below, in the transaction of every change that moves it (a review
--    submitted or reopened, an assignment added or declared, the rubric or threshold saved).
create table application_score (
    application_id   bigint primary key references application (id) on delete cascade,
    call_id          bigint           not null references programme_call (id),
    -- assignments that count: a declared conflict is no review to wait for
    reviews_assigned int              not null default 0 check (reviews_assigned >= 0),
    -- submitted reviews, and of those the ones that score the whole rubric as it is now
    reviews_done     int              not null default 0 check (reviews_done >= 0),
    reviews_scored   int              not null default 0 check (reviews_scored between 0 and reviews_done),
    -- Scoring.Summary on the 0-100 scale: null until a review is scored
    mean             double precision,
    spread           double precision,
    lowest           double precision,
    highest          double precision,
    normalised       double precision check (normalised between 0 and 100),
    disagreement     boolean          not null default false,
    check ((reviews_scored = 0) = (mean is null) and (mean is null) = (normalised is null))
);
-- Paged by key in score order (Pipeline.Order.SCORE and MEAN): best first, unscored last (-1 stands
-- for "no score", below any score), the id last so the order is total.
create index application_score_normalised on application_score (call_id, coalesce(normalised, -1) desc, application_id desc);
create index application_score_mean on application_score (call_id, coalesce(mean, -1) desc, application_id desc);

-- The arithmetic of Scoring.summarise, in one statement over a whole call (reviewers' habits are
-- the call's, so a change to one review moves every normalised score of the call). ScoreSqlIT
-- seeds a call and holds this and the Java to the same figures.
create function intake_refresh_scores(p_call bigint) returns void language plpgsql as $$
begin
    -- One refresh of a call at a time, for the rest of the transaction: the statement below takes
    -- its snapshot after the lock, so it sees what the refresh before it committed (two reviewers
    -- submitting at once must not each miss the other's review).
    perform pg_advisory_xact_lock(hashtextextended('application_score', p_call));
    with given as (
        select r.assignment_id, ra.application_id, ra.reviewer_id, rc.weight::float8 as weight, rc.max_score,
               case when jsonb_typeof(r.scores -> rc.key) = 'number' then (r.scores ->> rc.key)::float8 end as score
        from review r join review_assignment ra on ra.id = r.assignment_id
        join application a on a.id = ra.application_id
        join rubric_criterion rc on rc.call_id = a.call_id
        where a.call_id = p_call and r.status = 'SUBMITTED'),
    -- Scoring.weighted: a review's score is 100 x the weighted share of each criterion's top score;
    -- a review missing a criterion (added after it was submitted) or out of range counts nowhere.
    scored as (
        select application_id, reviewer_id, 100 * sum(weight * score / max_score) / sum(weight) as score
        from given group by assignment_id, application_id, reviewer_id
        having bool_and(coalesce(score between 0 and max_score, false))),
    -- Scoring.Stats: each reviewer's habits, and the call's, over all of the call's scored reviews.
    habit as (select reviewer_id, avg(score) as mean, stddev_pop(score) as spread from scored group by reviewer_id),
    whole as (select avg(score) as mean, coalesce(stddev_pop(score), 0) as spread from scored),
    -- Scoring.Stats.z: a reviewer who scores everyone alike (or once) says nothing about rank.
    per_application as (
        select s.application_id, count(*) as n, avg(s.score) as mean, stddev_pop(s.score) as spread,
               min(s.score) as lowest, max(s.score) as highest,
               avg(case when h.spread < 1e-9 then 0 else (s.score - h.mean) / h.spread end) as z
        from scored s join habit h using (reviewer_id) group by s.application_id),
    assigned as (
        select ra.application_id, count(*) filter (where ra.conflict <> 'CONFLICT') as assigned,
               count(*) filter (where r.status = 'SUBMITTED') as done
        from review_assignment ra join application a on a.id = ra.application_id
        left join review r on r.assignment_id = ra.id
        where a.call_id = p_call group by ra.application_id)
    insert into application_score as s (application_id, call_id, reviews_assigned, reviews_done, reviews_scored, mean, spread,
                                        lowest, highest, normalised, disagreement)
    select a.id, a.call_id, coalesce(g.assigned, 0), coalesce(g.done, 0), coalesce(p.n, 0), p.mean, p.spread, p.lowest, p.highest,
           -- the mean z-score put back on the call's scale, kept within 0-100
           case when p.n is not null then greatest(0, least(100, w.mean + p.z * w.spread)) end,
           coalesce(p.n > 1 and p.highest - p.lowest >= c.disagreement_threshold::float8, false)
    from application a join programme_call c on c.id = a.call_id cross join whole w
    left join per_application p on p.application_id = a.id
    left join assigned g on g.application_id = a.id
    where a.call_id = p_call and a.stage is not null
    on conflict (application_id) do update set
        reviews_assigned = excluded.reviews_assigned, reviews_done = excluded.reviews_done,
        reviews_scored = excluded.reviews_scored, mean = excluded.mean, spread = excluded.spread, lowest = excluded.lowest,
        highest = excluded.highest, normalised = excluded.normalised, disagreement = excluded.disagreement
    -- rows that did not move are not rewritten
    where (s.reviews_assigned, s.reviews_done, s.reviews_scored, s.mean, s.spread, s.lowest, s.highest, s.normalised, s.disagreement)
          is distinct from (excluded.reviews_assigned, excluded.reviews_done, excluded.reviews_scored, excluded.mean, excluded.spread,
                            excluded.lowest, excluded.highest, excluded.normalised, excluded.disagreement);
end $$;

select intake_refresh_scores(id) from programme_call;
