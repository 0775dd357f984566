-- Demo data for the incubation (issue 13), for the one-command dev run only; applied after the
-- intake's and the academy's (repeatable scripts run in the order of their names). Idempotent: it
-- fills an empty incubation and leaves a used one alone.

-- 1. People: the "mentor" and "staff" logins under their fixed Keycloak ids (realm-config/dev), so
--    their first sign-in finds their profile and offers; demo mentors who never sign in already
--    exist (R__demo_data_academy.sql: Hana, Rizal, Aminata).
insert into person (subject, username, display_name, email, locale, created_at, version)
select s, u, n, e, l, now(), 0
from (values ('7f3c2a10-5b1e-4c8a-9d21-a00000000003', 'mentor', 'Claire Dubois', 'mentor@demo.hamkke.org', 'fr'),
             ('7f3c2a10-5b1e-4c8a-9d21-a00000000005', 'staff', 'Minji Park', 'staff@demo.hamkke.org', 'en')) as d(s, u, n, e, l)
on conflict (subject) do nothing;

-- 2. Four accepted applications of the women-led call, and their ventures: a home-based garment
--    workers' cooperative, a women's self-help savings group selling food online, a fair-trade
--    handicraft association (the demo "entrepreneur" login, Nadia, is its member) and a recycling
--    social enterprise.
insert into application (call_id, applicant_id, applicant_kind, name, legal_form, sector, region, stage,
                         created_at, updated_at, submitted_at, receipt, decision_message, decided_at)
select c.id, p.id, 'COLLECTIVE', a.name, a.form, a.sector, a.region, 'ACCEPTED',
       now() - interval '60 days', now() - interval '40 days', now() - interval '60 days', 'INC-DEMO-' || p.username,
       'Welcome to the incubation programme: your mentor will be in touch.', now() - interval '40 days'
from (values ('demo:ratna', 'Sukamaju Garment Workers Cooperative', 'cooperative', 'garments', 'Bandung'),
             ('demo:ayu', 'Dapur Ibu Savings Group', 'self-help group', 'food', 'Surabaya'),
             ('7f3c2a10-5b1e-4c8a-9d21-a00000000002', 'Threads of Sindh Handicraft Association', 'association', 'handicrafts', 'Hyderabad'),
             ('demo:awa', 'Green Loop Recycling', 'social enterprise', 'recycling', 'Dakar')) as a(subject, name, form, sector, region)
join person p on p.subject = a.subject
join lateral (select id from programme_call where title ->> 'en' like 'Women-led%' order by id limit 1) c on true
where not exists (select 1 from application where receipt like 'INC-DEMO-%');

insert into venture (application_id, name, legal_form, sector, region, created_at, needs, languages, wants_in_person)
select a.id, a.name, a.legal_form, a.sector, a.region, a.decided_at, v.needs, v.languages, v.in_person
from application a
join (values ('INC-DEMO-ratna', '{"cooperative governance","finance","digital sales"}'::text[], '{"indonesian","english"}'::text[], true),
             ('INC-DEMO-ayu', '{"finance","digital sales","marketing"}'::text[], '{"indonesian"}'::text[], false),
             ('INC-DEMO-entrepreneur', '{"fair trade","legal registration","marketing"}'::text[], '{"urdu","english"}'::text[], false),
             ('INC-DEMO-awa', '{"impact measurement","legal registration","finance"}'::text[], '{"french","wolof"}'::text[], true))
     as v(receipt, needs, languages, in_person) on v.receipt = a.receipt
where not exists (select 1 from venture w where w.application_id = a.id);

insert into venture_member (venture_id, person_id, name, role)
select v.id, a.applicant_id, coalesce(nullif(p.display_name, ''), p.username), 'applicant'
from venture v join application a on a.id = v.application_id join person p on p.id = a.applicant_id
where a.receipt like 'INC-DEMO-%' and not exists (select 1 from venture_member m where m.venture_id = v.id and m.person_id = a.applicant_id);

-- 3. Mentors' profiles: different expertise, languages and regions; Claire (the "mentor" login) has
--    one place left after an offer waiting for her answer.
insert into mentor_profile (person_id, expertise, languages, region, mode, cap, available, about)
select p.id, m.expertise, m.languages, m.region, m.mode, m.cap, true, m.about
from (values ('7f3c2a10-5b1e-4c8a-9d21-a00000000003', '{"cooperative governance","finance","legal registration"}'::text[], '{"french","english","indonesian"}'::text[],
              'Bandung', 'BOTH', 2, 'Twenty years with cooperative banks in West Africa and Java.'),
             ('demo:rizal', '{"digital sales","marketing","finance"}'::text[], '{"indonesian","english"}'::text[], 'Surabaya', 'ONLINE', 3,
              'Built the online shop of a women''s food cooperative.'),
             ('demo:hana', '{"fair trade","marketing","impact measurement"}'::text[], '{"english","urdu"}'::text[], 'Seoul', 'ONLINE', 2,
              'Fair-trade buyer, then impact officer at an incubator.'),
             ('demo:aminata', '{"impact measurement","legal registration","cooperative governance"}'::text[], '{"french","wolof"}'::text[],
              'Dakar', 'IN_PERSON', 2, 'Helps associations register and measure what they change.')) as m(subject, expertise, languages, region, mode, cap, about)
join person p on p.subject = m.subject
on conflict (person_id) do nothing;

-- 4. Assignments: the garment cooperative offered to Claire (waiting for her answer); the savings
--    group mentored by Rizal, the handicraft association by Hana; Green Loop Recycling still
--    without a mentor, for the round matching to place.
insert into mentor_assignment (venture_id, mentor_id, status, starts_on, ends_on, offered_by, offered_at, offer_expires_at, answered_at, score)
select v.id, m.id, x.status, current_date - x.started, current_date - x.started + 180, s.id, now() - (x.started || ' days')::interval,
       case when x.status = 'OFFERED' then now() + interval '5 days' end,
       case when x.status = 'ACTIVE' then now() - ((x.started - 1) || ' days')::interval end, x.score
from (values ('INC-DEMO-ratna', '7f3c2a10-5b1e-4c8a-9d21-a00000000003', 'OFFERED', 2, 80), ('INC-DEMO-ayu', 'demo:rizal', 'ACTIVE', 30, 63),
             ('INC-DEMO-entrepreneur', 'demo:hana', 'ACTIVE', 30, 73)) as x(receipt, mentor, status, started, score)
join application a on a.receipt = x.receipt
join venture v on v.application_id = a.id
join person m on m.subject = x.mentor
join person s on s.subject = '7f3c2a10-5b1e-4c8a-9d21-a00000000005'
where not exists (select 1 from mentor_assignment);
