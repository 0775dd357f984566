-- intake: the staff workspace (issue 11). The staff table filters by stage and sorts by score at
-- once ("in review, best first"): the score summary keeps its application's stage, so one index
-- serves the filter and the order and a page is read by key from it, as application_pipeline
-- (V6) and application_call_stage_name (V9) serve the other orders with a stage.

alter table application_score add column stage text;
update application_score s set stage = a.stage from application a where a.id = s.application_id;

-- Kept by the database, whoever writes: a new summary row takes its application's stage (the
-- submission, intake_refresh_scores, a test's fixture), and every change of stage is carried over
-- (staff's moves, an applicant withdrawing).
create function application_score_stage() returns trigger language plpgsql as $$
begin
    new.stage := (select a.stage from application a where a.id = new.application_id);
    return new;
end $$;
create trigger application_score_stage before insert on application_score
    for each row execute function application_score_stage();

create function application_stage_to_score() returns trigger language plpgsql as $$
begin
    update application_score set stage = new.stage where application_id = new.id and stage is distinct from new.stage;
    return new;
end $$;
create trigger application_stage_to_score after update of stage on application
    for each row execute function application_stage_to_score();

create index application_score_stage_normalised on application_score (call_id, stage, coalesce(normalised, -1) desc, application_id desc);
create index application_score_stage_mean on application_score (call_id, stage, coalesce(mean, -1) desc, application_id desc);
