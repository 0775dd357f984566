-- Demo data of the academy, for the one-command dev run only (hamkke.demo-data=true); after
-- R__demo_data.sql, whose demo people it enrols. Repeatable and idempotent: each block fills what is
-- missing and leaves what exists alone. Dates are relative to the day the dev run starts, so the
-- academy looks alive whenever it is opened: cohorts open, full with a waiting list, running with
-- attendance, and completed. The enrolments go through V14's trigger like any other: seats are
-- counted and the waiting list is numbered in the order of these inserts.

-- 1. The courses, in several languages.
insert into course (title, summary, outcomes, duration_weeks, language, level, default_capacity, min_attendance, final_assessment, status)
select d.title::jsonb, d.summary::jsonb, d.outcomes::jsonb, d.weeks, d.language, d.level, d.capacity, d.attendance, d.assessment, 'ACTIVE'
from (values
  ('{"en": "Foundations of the social and solidarity economy", "fr": "Les bases de l''économie sociale et solidaire", "ar": "أسس الاقتصاد الاجتماعي والتضامني", "id": "Dasar-dasar ekonomi sosial dan solidaritas", "ur": "سماجی اور یکجہتی معیشت کی بنیادیں"}',
   '{"en": "What makes an enterprise social and solidary: purpose before profit, democratic control, fair sharing, and the families of the movement from cooperatives to self-help groups.", "fr": "Ce qui rend une entreprise sociale et solidaire : la finalité avant le profit, le contrôle démocratique, le partage équitable, et les familles du mouvement, des coopératives aux groupes d''entraide.", "id": "Apa yang membuat usaha bersifat sosial dan solidaritas: tujuan di atas laba, kendali demokratis, pembagian yang adil, dan keluarga gerakan dari koperasi hingga kelompok swadaya."}',
   '{"en": "Explain the principles of the social and solidarity economy\nRecognise cooperatives, associations, mutuals and self-help groups\nDescribe your own enterprise in those terms", "fr": "Expliquer les principes de l''économie sociale et solidaire\nReconnaître coopératives, associations, mutuelles et groupes d''entraide\nDécrire votre propre entreprise dans ces termes"}',
   4, 'en', 'BEGINNER', 25, 75, false),
  ('{"en": "Cooperative governance and general assemblies", "fr": "Gouvernance coopérative et assemblées générales", "ar": "حوكمة التعاونيات والجمعيات العامة", "id": "Tata kelola koperasi dan rapat anggota", "ur": "کوآپریٹو نظم و نسق اور عام اجلاس"}',
   '{"en": "One member, one vote in practice: bylaws, boards, minutes, running a general assembly that decides, and sharing the surplus fairly.", "fr": "Un membre, une voix, en pratique : statuts, conseil, procès-verbaux, une assemblée générale qui décide vraiment, et le partage équitable des excédents.", "ar": "عضو واحد، صوت واحد في الممارسة: النظام الأساسي، ومجلس الإدارة، والمحاضر، وإدارة جمعية عامة تتخذ القرار، وتقاسم الفائض بعدل."}',
   '{"en": "Write and amend bylaws\nPrepare and chair a general assembly\nKeep minutes members trust"}',
   6, 'fr', 'INTERMEDIATE', 8, 80, true),
  ('{"en": "Bookkeeping for home-based workers", "fr": "La comptabilité pour les travailleuses à domicile", "id": "Pembukuan untuk pekerja rumahan", "ur": "گھر سے کام کرنے والوں کے لیے حساب کتاب"}',
   '{"en": "Simple daily records, cash flow and pricing for people who work from home, on paper or on a phone.", "id": "Catatan harian sederhana, arus kas dan penetapan harga bagi yang bekerja dari rumah, di kertas atau di ponsel.", "ur": "گھر سے کام کرنے والوں کے لیے روزانہ کا سادہ حساب، نقدی کا بہاؤ اور قیمت کا تعین، کاغذ پر یا فون پر۔"}',
   '{"en": "Keep a cash book\nPrice a product so it pays for your time\nSeparate household and business money", "id": "Membuat buku kas\nMenetapkan harga yang membayar waktu Anda\nMemisahkan uang rumah tangga dan usaha"}',
   6, 'id', 'BEGINNER', 15, 75, false),
  ('{"en": "Selling online from a phone", "fr": "Vendre en ligne depuis un téléphone", "ar": "البيع عبر الإنترنت من الهاتف", "id": "Berjualan daring dari ponsel", "ur": "فون سے آن لائن فروخت"}',
   '{"en": "Photos that sell, a shop on a messaging app, taking payment safely and delivering, with only a phone and a small budget.", "ur": "بکنے والی تصویریں، پیغام رسانی کی ایپ پر دکان، محفوظ ادائیگی اور ترسیل، صرف ایک فون اور تھوڑے بجٹ کے ساتھ۔", "ar": "صور تبيع، ومتجر على تطبيق مراسلة، وتحصيل المال بأمان والتوصيل، بهاتف وميزانية صغيرة فقط."}',
   '{"en": "Take product photos in daylight\nRun a catalogue on a messaging app\nAccept mobile payments safely"}',
   3, 'ur', 'BEGINNER', 20, 70, false),
  ('{"en": "Measuring social impact", "fr": "Mesurer l''impact social", "ar": "قياس الأثر الاجتماعي", "id": "Mengukur dampak sosial"}',
   '{"en": "Say what changes for whom, choose a few honest indicators, collect them without a burden, and report to members and funders.", "fr": "Dire ce qui change pour qui, choisir quelques indicateurs honnêtes, les recueillir sans alourdir le travail, et en rendre compte aux membres et aux financeurs."}',
   '{"en": "Draw a theory of change\nChoose and collect indicators\nWrite a short impact report", "fr": "Tracer une théorie du changement\nChoisir et recueillir des indicateurs\nRédiger un court rapport d''impact"}',
   5, 'fr', 'ADVANCED', 12, 80, true)
) as d(title, summary, outcomes, weeks, language, level, capacity, attendance, assessment)
where not exists (select 1 from course c where c.title ->> 'en' = d.title::jsonb ->> 'en');

-- Governance builds on the foundations; measuring impact on both.
insert into course_prerequisite (course_id, required_id)
select c.id, r.id
from (values ('Cooperative governance and general assemblies', 'Foundations of the social and solidarity economy'),
             ('Measuring social impact', 'Foundations of the social and solidarity economy')) as p(course, required)
join course c on c.title ->> 'en' = p.course
join course r on r.title ->> 'en' = p.required
on conflict do nothing;

-- 2. People: instructors (mentors who never sign in), learners who never sign in, and the demo
--    "applicant" and "entrepreneur" logins under their fixed Keycloak ids (realm-config/dev), so
--    their first sign-in finds them already enrolled.
insert into person (subject, username, display_name, email, locale, created_at, version)
select 'demo:' || u, u, n, u || '@demo.hamkke.org', l, now(), 0
from (values ('hana', 'Hana Park', 'en'), ('rizal', 'Rizal Hakim', 'id'), ('aminata', 'Aminata Sow', 'fr'),
             ('nurul', 'Nurul Islam', 'en'), ('ratna', 'Ratna Dewi', 'id'), ('maya', 'Maya Reyes', 'en'), ('sana', 'Sana Tariq', 'ur'),
             ('farida', 'Farida Begum', 'ur'), ('lina', 'Lina Khoury', 'ar'), ('ines', 'Inès Ba', 'fr'), ('tala', 'Tala Cruz', 'en'),
             ('ayu', 'Ayu Lestari', 'id'), ('zainab', 'Zainab Bibi', 'ur'), ('salma', 'Salma Haddad', 'ar'), ('awa', 'Awa Diop', 'fr'),
             ('rosa', 'Rosa Lim', 'en'), ('wati', 'Wati Susanti', 'id'), ('hira', 'Hira Aslam', 'ur'), ('noura', 'Noura Saleh', 'ar'),
             ('fatou', 'Fatou Ndiaye', 'fr'), ('joy2', 'Joyce Tan', 'en')) as demo(u, n, l)
where not exists (select 1 from person p where p.subject = 'demo:' || demo.u);
insert into person_role (person_id, role)
select id, 'mentor' from person where subject in ('demo:hana', 'demo:rizal', 'demo:aminata')
on conflict do nothing;
insert into person (subject, username, display_name, email, locale, created_at, version)
select s, u, n, e, l, now(), 0
from (values ('7f3c2a10-5b1e-4c8a-9d21-a00000000001', 'applicant', 'Amina Rahman', 'applicant@demo.hamkke.org', 'ar'),
             ('7f3c2a10-5b1e-4c8a-9d21-a00000000002', 'entrepreneur', 'Nadia Akhtar', 'entrepreneur@demo.hamkke.org', 'ur')) as d(s, u, n, e, l)
on conflict (subject) do nothing;

-- 3. Cohorts: (a) Foundations, online, open, starting in three weeks; (b) Governance in Manila, full
--    with a waiting list; (c) Bookkeeping in Yogyakarta, running; (d) Selling online, open, each
--    request approved by staff; (e) Measuring impact in Dakar, completed; (f) Governance, invited
--    only, for the ventures of the current incubation round.
insert into cohort (course_id, label, time_zone, starts_on, ends_on, delivery, venue, room, meeting_link, capacity,
                    enrolment_opens_at, enrolment_closes_at, approval_required, visibility, created_at)
select c.id, d.label, d.tz, current_date + d.starts, current_date + d.starts + d.days, d.delivery, d.venue, d.room, d.link, d.capacity,
       now() + (d.opens || ' days')::interval, now() + (d.closes || ' days')::interval, d.approval, d.visibility, now()
from (values
  ('Foundations of the social and solidarity economy', 'Online, all time zones', 'Asia/Jakarta', 21, 27, 'ONLINE', null, null,
   'https://meet.hamkke.example/foundations', 20, -7, 20, false, 'PUBLIC'),
  ('Cooperative governance and general assemblies', 'Manila, spring', 'Asia/Manila', 14, 41, 'IN_PERSON', 'Bayanihan Hall, Quezon City', '3B',
   null, 8, -14, 13, false, 'PUBLIC'),
  ('Bookkeeping for home-based workers', 'Yogyakarta, evenings', 'Asia/Jakarta', -14, 27, 'IN_PERSON', 'Balai Warga Kotagede', 'Ruang 2',
   null, 15, -40, -15, false, 'PUBLIC'),
  ('Selling online from a phone', 'Lahore and online', 'Asia/Karachi', 28, 48, 'BLENDED', 'SEWA Centre, Lahore', 'Training room',
   'https://meet.hamkke.example/selling', 20, -3, 27, true, 'PUBLIC'),
  ('Measuring social impact', 'Dakar, last season', 'Africa/Dakar', -70, 34, 'BLENDED', 'Maison des coopératives, Dakar', 'Salle 1',
   'https://meet.hamkke.example/impact', 12, -100, -71, false, 'PUBLIC'),
  ('Cooperative governance and general assemblies', 'Incubation round 2027 (invited)', 'Asia/Seoul', 35, 76, 'BLENDED', 'Hamkke hub, Seoul', 'Room 1',
   'https://meet.hamkke.example/round-2027', 16, -2, 34, false, 'INVITED')
) as d(course, label, tz, starts, days, delivery, venue, room, link, capacity, opens, closes, approval, visibility)
join course c on c.title ->> 'en' = d.course
where not exists (select 1 from cohort h where h.label = d.label);

insert into cohort_instructor (cohort_id, person_id)
select h.id, p.id
from (values ('Online, all time zones', 'hana'), ('Manila, spring', 'hana'), ('Bookkeeping', 'rizal'), ('Yogyakarta, evenings', 'rizal'),
             ('Lahore and online', 'hana'), ('Dakar, last season', 'aminata'), ('Incubation round 2027 (invited)', 'aminata')) as i(label, who)
join cohort h on h.label = i.label
join person p on p.subject = 'demo:' || i.who
on conflict do nothing;

insert into cohort_invitation (cohort_id, email)
select h.id, e.email
from cohort h, (values ('entrepreneur@demo.hamkke.org'), ('grace@demo.hamkke.org'), ('marie@demo.hamkke.org')) as e(email)
where h.label = 'Incubation round 2027 (invited)'
on conflict do nothing;

-- Weekly sessions at the same wall-clock time in each cohort's zone (local time at time zone: the
-- moment moves with the clocks, the time on the wall does not).
insert into cohort_session (cohort_id, title, starts_at, ends_at)
select h.id, s.title || ' ' || n,
       ((h.starts_on + (n - 1) * 7 + s.offset_days) + s.at) at time zone h.time_zone,
       ((h.starts_on + (n - 1) * 7 + s.offset_days) + s.at + s.length) at time zone h.time_zone
from cohort h
join (values ('Online, all time zones', 'Week', 1, time '14:00', interval '90 minutes', 4),
             ('Manila, spring', 'Meeting', 2, time '09:00', interval '3 hours', 6),
             ('Yogyakarta, evenings', 'Pertemuan', 1, time '19:00', interval '2 hours', 6),
             ('Lahore and online', 'Class', 0, time '16:00', interval '2 hours', 3),
             ('Dakar, last season', 'Séance', 3, time '10:00', interval '3 hours', 5),
             ('Incubation round 2027 (invited)', 'Session', 1, time '18:30', interval '2 hours', 6))
     as s(label, title, offset_days, at, length, count) on s.label = h.label
cross join lateral generate_series(1, s.count) as n
where not exists (select 1 from cohort_session x where x.cohort_id = h.id);

-- 4. Enrolments, in request order (the trigger numbers them as they come).
--    Foundations: eleven seats taken, the demo entrepreneur among them; nobody waits.
insert into enrolment (cohort_id, person_id, status, requested_at)
select h.id, p.id, 'CONFIRMED', now() - ((30 - n) || ' hours')::interval
from cohort h
cross join lateral unnest(array['siti', 'amina', 'leila', 'marie', 'grace', 'nurul', 'ratna', 'maya', 'sana', 'lina']) with ordinality as w(who, n)
join person p on p.subject = 'demo:' || w.who
where h.label = 'Online, all time zones' and not exists (select 1 from enrolment e where e.cohort_id = h.id)
order by n;
insert into enrolment (cohort_id, person_id, status, requested_at)
select h.id, p.id, 'CONFIRMED', now() - interval '2 hours'
from cohort h join person p on p.subject = '7f3c2a10-5b1e-4c8a-9d21-a00000000002'
where h.label = 'Online, all time zones' and not exists (select 1 from enrolment e where e.cohort_id = h.id and e.person_id = p.id);

--    Governance in Manila: eight seats of eight taken, one of them an offer that ends tomorrow,
--    and five waiting, the demo applicant second in line.
insert into enrolment (cohort_id, person_id, status, requested_at)
select h.id, p.id, 'CONFIRMED', now() - ((100 - n) || ' hours')::interval
from cohort h
cross join lateral unnest(array['dewi', 'fatima', 'joy', 'ines', 'tala', 'ayu', 'zainab']) with ordinality as w(who, n)
join person p on p.subject = 'demo:' || w.who
where h.label = 'Manila, spring' and not exists (select 1 from enrolment e where e.cohort_id = h.id)
order by n;
insert into enrolment (cohort_id, person_id, status, requested_at)
select h.id, p.id, 'WAITLISTED', now() - ((60 - n) || ' hours')::interval
from cohort h
cross join lateral unnest(array['demo:salma', 'demo:rosa', '7f3c2a10-5b1e-4c8a-9d21-a00000000001', 'demo:awa', 'demo:wati', 'demo:hira'])
     with ordinality as w(who, n)
join person p on p.subject = w.who
where h.label = 'Manila, spring' and not exists (select 1 from enrolment e where e.cohort_id = h.id and e.status in ('WAITLISTED', 'OFFERED'))
order by n;
-- The first in line was offered the eighth seat when someone left; the offer ends tomorrow.
update enrolment e set status = 'OFFERED', offer_expires_at = now() + interval '1 day'
from cohort h
where h.id = e.cohort_id and h.label = 'Manila, spring' and e.status = 'WAITLISTED'
  and e.requested_seq = (select min(w.requested_seq) from enrolment w where w.cohort_id = h.id and w.status = 'WAITLISTED')
  and not exists (select 1 from enrolment o where o.cohort_id = h.id and o.status = 'OFFERED')
  and h.seats_taken < h.capacity;

--    Bookkeeping in Yogyakarta: running, twelve learners, attendance taken at the sessions held.
insert into enrolment (cohort_id, person_id, status, requested_at)
select h.id, p.id, 'CONFIRMED', now() - ((600 - n) || ' hours')::interval
from cohort h
cross join lateral unnest(array['siti', 'dewi', 'ratna', 'ayu', 'wati', 'nurul', 'maya', 'rosa', 'tala', 'joy2', 'grace', 'joy']) with ordinality as w(who, n)
join person p on p.subject = 'demo:' || w.who
where h.label = 'Yogyakarta, evenings' and not exists (select 1 from enrolment e where e.cohort_id = h.id)
order by n;

--    Selling online: requests waiting for staff's approval, one already confirmed.
insert into enrolment (cohort_id, person_id, status, requested_at)
select h.id, p.id, w.status, now() - ((20 - n) || ' hours')::interval
from cohort h
cross join lateral (values (1, 'farida', 'CONFIRMED'), (2, 'zainab', 'REQUESTED'), (3, 'hira', 'REQUESTED'), (4, 'sana', 'REQUESTED'))
     as w(n, who, status)
join person p on p.subject = 'demo:' || w.who
where h.label = 'Lahore and online' and not exists (select 1 from enrolment e where e.cohort_id = h.id)
order by n;

--    Measuring impact in Dakar: completed by seven, one who left before it started.
insert into enrolment (cohort_id, person_id, status, requested_at, ended_at, ended_reason)
select h.id, p.id, w.status, now() - ((2500 - n) || ' hours')::interval,
       case when w.status = 'CANCELLED' then now() - interval '75 days' end, case when w.status = 'CANCELLED' then 'LEFT' end
from cohort h
cross join lateral (values (1, 'marie', 'COMPLETED'), (2, 'ines', 'COMPLETED'), (3, 'awa', 'COMPLETED'), (4, 'fatou', 'COMPLETED'),
                           (5, 'rosa', 'CANCELLED'), (6, 'leila', 'COMPLETED'), (7, 'noura', 'COMPLETED'), (8, 'salma', 'COMPLETED'))
     as w(n, who, status)
join person p on p.subject = 'demo:' || w.who
where h.label = 'Dakar, last season' and not exists (select 1 from enrolment e where e.cohort_id = h.id)
order by n;

-- Attendance at the sessions already held (mostly present; some late, excused or absent).
insert into attendance (session_id, person_id, mark, marked_at, marked_by)
select s.id, e.person_id,
       case when (e.person_id + s.id) % 11 = 0 then 'ABSENT' when (e.person_id + s.id) % 7 = 0 then 'LATE'
            when (e.person_id + s.id) % 13 = 0 then 'EXCUSED' else 'PRESENT' end,
       s.ends_at, i.person_id
from cohort h
join cohort_session s on s.cohort_id = h.id and s.ends_at < now()
join enrolment e on e.cohort_id = h.id and e.status in ('CONFIRMED', 'COMPLETED')
left join lateral (select person_id from cohort_instructor ci where ci.cohort_id = h.id limit 1) i on true
where h.label in ('Yogyakarta, evenings', 'Dakar, last season')
on conflict do nothing;

-- 5. One session cancelled, as staff do it (V15): Manila's fourth meeting, with the reason the
--    learners read; it stays on the cohort's page and in the calendars, struck through.
update cohort_session s
set status = 'CANCELLED', cancelled_at = now(), cancel_reason = 'The hall is closed for repairs that week; we meet again the week after.'
from cohort h
where h.id = s.cohort_id and h.label = 'Manila, spring' and s.title = 'Meeting 4' and s.status = 'SCHEDULED';

-- The Dakar cohort's completers get their certificates from the certificate sweep (a clustered
-- job, a few minutes after the dev run starts): the demo shows the real issuing, signed with the
-- dev run's own key, not rows written here.
