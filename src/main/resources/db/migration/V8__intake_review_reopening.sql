-- A submitted review is final for its reviewer; only staff reopen it, with a reason. Every reopening
-- is kept (never updated, never deleted), so the review's history shows who reopened it, when and why.
create table review_reopening (
    id            bigint generated always as identity primary key,
    assignment_id bigint      not null references review_assignment (id),
    actor_id      bigint      references person (id),
    actor         text        not null,
    at            timestamptz not null,
    reason        text        not null check (length(trim(reason)) > 0)
);
create index review_reopening_assignment on review_reopening (assignment_id, at);
