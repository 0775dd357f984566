-- intake: the database holds what the code assumes (issue 10). The rules live in the services;
-- these constraints are the backstop, so a bug or a hand-written row cannot break them silently.

-- Rows written before these rules without what they now require (the dev run's demo data had
-- decisions without a message) are completed first, so this applies to every existing database.
-- The filled-in values say that nothing was recorded; they do not pretend to know more.
update application set decision_message = 'No message was recorded with this decision.'
where stage in ('ACCEPTED', 'WAITLISTED', 'REJECTED') and (decision_message is null or decision_message !~ '[^[:space:]]');
update application set decided_at = updated_at
where stage in ('ACCEPTED', 'WAITLISTED', 'REJECTED') and decided_at is null;
update review r set submitted_at = coalesce(ra.declared_at, ra.assigned_at)
from review_assignment ra where ra.id = r.assignment_id and r.status = 'SUBMITTED' and r.submitted_at is null;
update review set submitted_at = null where status = 'DRAFT' and submitted_at is not null;
update review_assignment set declared_at = assigned_at where conflict <> 'UNDECLARED' and declared_at is null;

-- A decided application carries the message its applicant read and when it was decided.
alter table application add constraint application_decision_recorded check (
    stage not in ('ACCEPTED', 'WAITLISTED', 'REJECTED')
    or (decided_at is not null and decision_message is not null and decision_message ~ '[^[:space:]]'));
-- A draft is bounded (256 KB of answers), so a forged post cannot fill the database; the service
-- refuses earlier, with a message, below this (Applications.MAX_ANSWERS_BYTES).
alter table application add constraint application_draft_size check (
    stage is not null or octet_length(answers::text) <= 262144);
-- A submitted review says when; a draft has no such moment (reopening clears it).
alter table review add constraint review_submitted_when check ((status = 'SUBMITTED') = (submitted_at is not null));
-- A declaration (no conflict, or a conflict) says when it was made.
alter table review_assignment add constraint review_assignment_declared_when check (
    (conflict = 'UNDECLARED') = (declared_at is null));
-- The history names only stages the state machine knows.
alter table stage_change add constraint stage_change_known_stages check (
    (from_stage is null or from_stage in ('SUBMITTED', 'SCREENING', 'IN_REVIEW', 'INTERVIEW', 'ACCEPTED', 'WAITLISTED',
                                          'REJECTED', 'WITHDRAWN'))
    and to_stage in ('SUBMITTED', 'SCREENING', 'IN_REVIEW', 'INTERVIEW', 'ACCEPTED', 'WAITLISTED', 'REJECTED', 'WITHDRAWN'));

-- A collective's members may give an e-mail address: it is how a reviewer or staff member who is a
-- co-member is recognised (intake Conflicts). Kept in lower case (the service writes lower(?)), so
-- the comparison with a person's address is one index lookup on each side.
alter table application_member add column email text check (email = lower(email) and length(email) <= 254);
create index application_member_email on application_member (email) where email is not null;
create index person_email on person (lower(email)) where email is not null;

-- A question removed from a call is kept, marked (soft delete): submitted applications keep showing
-- what their applicants were asked and answered, files included; new applicants no longer see it.
-- Only live questions need distinct positions.
alter table call_question add column removed_at timestamptz;
alter table call_question drop constraint call_question_call_id_position_key;
create unique index call_question_live_position on call_question (call_id, position) where removed_at is null;
create index call_question_call on call_question (call_id, position);
-- Removing a question never takes anyone's files with it.
alter table application_file drop constraint application_file_question_id_fkey,
    add constraint application_file_question_id_fkey foreign key (question_id) references call_question (id);

-- Indexes on the foreign keys queries follow (and that deleting or erasing a person checks).
create index application_file_question on application_file (question_id);
create index stage_change_actor on stage_change (actor_id) where actor_id is not null;
create index review_assignment_assigned_by on review_assignment (assigned_by) where assigned_by is not null;
create index review_reopening_actor on review_reopening (actor_id) where actor_id is not null;
create index venture_member_venture on venture_member (venture_id);
create index venture_member_person on venture_member (person_id) where person_id is not null;

-- The staff table pages by key in each order it offers, over all stages or one stage:
--   newest / oldest: (call_id, submitted_at, id), read forwards or backwards; by stage: application_pipeline (V6);
--   by name: (call_id, lower(name), id), and with a stage (call_id, stage, lower(name), id).
create index application_call_submitted on application (call_id, submitted_at, id) where stage is not null;
create index application_call_name on application (call_id, lower(name), id) where stage is not null;
create index application_call_stage_name on application (call_id, stage, lower(name), id) where stage is not null;
