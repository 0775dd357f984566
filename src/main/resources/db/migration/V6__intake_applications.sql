-- intake: what a call asks and how it is judged, the applications, their moves and their reviews.
alter table programme_call
    add column description            jsonb   not null default '{}' check (jsonb_typeof(description) = 'object'),
    add column eligibility            jsonb   not null default '{}' check (jsonb_typeof(eligibility) = 'object'),
    add column max_ventures           int     check (max_ventures > 0),
    add column blind_review           boolean not null default true,
    add column share_feedback         boolean not null default false,
    add column review_deadline        timestamptz,
    add column disagreement_threshold numeric not null default 30 check (disagreement_threshold between 0 and 100);

-- The application form: one row per question, in order.
create table call_question (
    id        bigint generated always as identity primary key,
    call_id   bigint  not null references programme_call (id) on delete cascade,
    position  int     not null,
    kind      text    not null check (kind in ('SHORT_TEXT', 'LONG_TEXT', 'NUMBER', 'CHOICE', 'MULTI_CHOICE', 'DATE', 'FILE')),
    label     jsonb   not null check (jsonb_typeof(label) = 'object'),
    help      jsonb   not null default '{}',
    required  boolean not null default true,
    max_length int    check (max_length > 0),
    min_value numeric,
    max_value numeric,
    choices   jsonb   not null default '[]' check (jsonb_typeof(choices) = 'array'),
    unique (call_id, position)
);

-- The review rubric: weighted criteria with score bands and guidance.
create table rubric_criterion (
    id        bigint generated always as identity primary key,
    call_id   bigint  not null references programme_call (id) on delete cascade,
    position  int     not null,
    key       text    not null,
    label     jsonb   not null check (jsonb_typeof(label) = 'object'),
    guidance  jsonb   not null default '{}',
    weight    numeric not null check (weight > 0),
    max_score int     not null check (max_score > 0),
    bands     jsonb   not null default '[]' check (jsonb_typeof(bands) = 'array'),
    unique (call_id, key),
    unique (call_id, position)
);

-- An application: a draft until submitted (no stage), then it moves along the Stage machine.
create table application (
    id               bigint generated always as identity primary key,
    call_id          bigint      not null references programme_call (id),
    applicant_id     bigint      not null references person (id),
    applicant_kind   text        not null default 'INDIVIDUAL' check (applicant_kind in ('INDIVIDUAL', 'COLLECTIVE')),
    name             text        not null,
    legal_form       text,
    sector           text,
    region           text,
    answers          jsonb       not null default '{}' check (jsonb_typeof(answers) = 'object'),
    stage            text        check (stage in ('SUBMITTED', 'SCREENING', 'IN_REVIEW', 'INTERVIEW', 'ACCEPTED',
                                                  'WAITLISTED', 'REJECTED', 'WITHDRAWN')),
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    submitted_at     timestamptz,
    receipt          text        unique,
    decision_message text,
    decided_at       timestamptz,
    version          bigint      not null default 0,
    unique (call_id, applicant_id),
    check ((stage is null) = (submitted_at is null))
);
-- The staff table filters by call and stage and sorts by submission: one index serves the page.
create index application_pipeline on application (call_id, stage, submitted_at desc, id desc);
create index application_applicant on application (applicant_id);

-- The members of a collective applicant, each with their consent.
create table application_member (
    id             bigint generated always as identity primary key,
    application_id bigint not null references application (id) on delete cascade,
    position       int    not null,
    name           text   not null,
    role           text,
    consent_at     timestamptz,
    unique (application_id, position)
);

-- Every move along the pipeline: who, when, from, to and why. Never updated, never deleted.
create table stage_change (
    id             bigint generated always as identity primary key,
    application_id bigint      not null references application (id),
    from_stage     text,
    to_stage       text        not null,
    actor_id       bigint      references person (id),
    actor          text        not null,
    at             timestamptz not null,
    reason         text
);
create index stage_change_application on stage_change (application_id, at);

create table review_assignment (
    id             bigint generated always as identity primary key,
    application_id bigint      not null references application (id),
    reviewer_id    bigint      not null references person (id),
    assigned_at    timestamptz not null,
    assigned_by    bigint      references person (id),
    conflict       text        not null default 'UNDECLARED' check (conflict in ('UNDECLARED', 'NONE', 'CONFLICT')),
    declared_at    timestamptz,
    unique (application_id, reviewer_id)
);
create index review_assignment_reviewer on review_assignment (reviewer_id, conflict);

create table review (
    assignment_id bigint primary key references review_assignment (id),
    scores        jsonb       not null default '{}' check (jsonb_typeof(scores) = 'object'),
    comments      jsonb       not null default '{}' check (jsonb_typeof(comments) = 'object'),
    status        text        not null default 'DRAFT' check (status in ('DRAFT', 'SUBMITTED')),
    submitted_at  timestamptz,
    version       bigint      not null default 0
);

-- incubation: a venture, created when its application is accepted.
create table venture (
    id             bigint generated always as identity primary key,
    application_id bigint      not null unique references application (id),
    name           text        not null,
    legal_form     text,
    sector         text,
    region         text,
    created_at     timestamptz not null
);
create table venture_member (
    id         bigint generated always as identity primary key,
    venture_id bigint not null references venture (id) on delete cascade,
    person_id  bigint references person (id),
    name       text   not null,
    role       text
);
