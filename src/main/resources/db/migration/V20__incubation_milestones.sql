-- incubation: milestone plans, evidence and graded milestones (issue 13). The rules live in the
-- entities (MilestoneTemplate, Milestone, MilestoneStatus, Submission, Grade, Rubric, Evidence);
-- this migration holds what must stay true whatever the Java does: numbers and versions that never
-- repeat, outcomes from a closed list, a revision that says what to change, a correction that says
-- why, no evidence for a milestone that is passed or dropped, and evidence and grades kept forever.

-- 1. A programme's milestone templates (the call a venture came from), in the five languages, with
--    the rubric its grades use: {"criteria": [{"key": "clarity", "label": {"en": ...}, "max": 4}],
--    "bands": [{"min": 0, "max": 4, "label": {"en": ...}}]} (bands over the total score).
create table milestone_template (
    id                bigint generated always as identity primary key,
    call_id           bigint  not null references programme_call (id),
    position          integer not null check (position between 1 and 100),
    title             jsonb   not null check (jsonb_typeof(title) = 'object' and title <> '{}'),
    description       jsonb   not null default '{}' check (jsonb_typeof(description) = 'object'),
    expected_evidence jsonb   not null default '{}' check (jsonb_typeof(expected_evidence) = 'object'),
    due_offset_days   integer not null check (due_offset_days between 0 and 1095),
    rubric            jsonb   not null default '{"criteria": [], "bands": []}' check (jsonb_typeof(rubric -> 'criteria') = 'array'),
    version           bigint  not null default 0,
    unique (call_id, position)
);

-- 2. A venture's plan: its milestones, from a template (its texts and rubric copied, so editing a
--    template later never changes a plan or what a grade was measured against) or added by staff.
--    reason: why staff last moved or dropped it.
create table milestone (
    id                bigint generated always as identity primary key,
    venture_id        bigint      not null references venture (id),
    template_id       bigint      references milestone_template (id),
    position          integer     not null,
    title             jsonb       not null check (jsonb_typeof(title) = 'object' and title <> '{}'),
    description       jsonb       not null default '{}' check (jsonb_typeof(description) = 'object'),
    expected_evidence jsonb       not null default '{}' check (jsonb_typeof(expected_evidence) = 'object'),
    rubric            jsonb       not null default '{"criteria": [], "bands": []}' check (jsonb_typeof(rubric -> 'criteria') = 'array'),
    due_on            date        not null,
    status            text        not null default 'OPEN' check (status in ('OPEN', 'SUBMITTED', 'PASSED', 'REVISION_REQUESTED', 'DROPPED')),
    reason            text        check (length(reason) <= 1000),
    created_at        timestamptz not null,
    version           bigint      not null default 0,
    constraint milestone_dropped_reason check (status <> 'DROPPED' or reason is not null)
);
-- A template applies to a venture once: applying twice (two staff, a double click) adds nothing.
create unique index milestone_from_template on milestone (venture_id, template_id) where template_id is not null;
create index milestone_venture on milestone (venture_id, due_on);
create index milestone_waiting on milestone (status) where status = 'SUBMITTED';

-- 3. Evidence: text and/or http(s) links, numbered 1.. per milestone. Kept forever.
create table milestone_submission (
    id           bigint generated always as identity primary key,
    milestone_id bigint      not null references milestone (id),
    number       integer     not null check (number >= 1),
    text         text        check (length(text) <= 5000),
    links        text[]      not null default '{}' check (cardinality(links) <= 5),
    submitted_by bigint      not null references person (id),
    submitted_at timestamptz not null,
    unique (milestone_id, number),
    constraint submission_has_evidence check (text is not null or cardinality(links) > 0),
    -- every link a web address (http or https), each at most 500 characters
    constraint submission_links_web check (cardinality(links) = 0
        or (array_to_string(links, ' ') !~ '(^| )(?!https?://)' and length(array_to_string(links, ' ')) <= 2504))
);

-- 4. A grade of a submission by its mentor, version 1.. ; a correction is a new version with its
--    reason, the earlier ones kept as they were.
create table milestone_grade (
    id                bigint generated always as identity primary key,
    submission_id     bigint      not null references milestone_submission (id),
    version           integer     not null check (version >= 1),
    grader_id         bigint      not null references person (id),
    scores            jsonb       not null default '{}' check (jsonb_typeof(scores) = 'object'),
    feedback          jsonb       not null default '{}' check (jsonb_typeof(feedback) = 'object'),
    outcome           text        not null check (outcome in ('PASSED', 'REVISION_REQUESTED')),
    what_to_change    text        check (length(what_to_change) <= 2000),
    correction_reason text        check (length(correction_reason) <= 1000),
    published_at      timestamptz not null,
    unique (submission_id, version),
    constraint grade_revision_says_what check (outcome <> 'REVISION_REQUESTED' or what_to_change is not null),
    constraint grade_correction_says_why check (version = 1 or correction_reason is not null)
);
create index milestone_grade_grader on milestone_grade (grader_id);

-- No evidence for a milestone that is passed or dropped, whoever writes the row: the milestone's
-- row is locked first, so a drop or a pass committing meanwhile is seen.
create function incubation_submission_open() returns trigger language plpgsql as $$
begin
    if exists (select 1 from milestone where id = new.milestone_id and status in ('PASSED', 'DROPPED') for update) then
        raise exception 'milestone % is closed to evidence ("milestone_open")', new.milestone_id using errcode = '23514';
    end if;
    return new;
end $$;
create trigger milestone_submission_open before insert on milestone_submission
    for each row execute function incubation_submission_open();

-- Evidence and grades are never changed or removed: a grade is corrected by a new version.
create function incubation_kept_forever() returns trigger language plpgsql as $$
begin
    raise exception '% rows are kept as they were', tg_table_name using errcode = '23514';
end $$;
create trigger milestone_submission_kept before update or delete on milestone_submission
    for each row execute function incubation_kept_forever();
create trigger milestone_grade_kept before update or delete on milestone_grade
    for each row execute function incubation_kept_forever();
