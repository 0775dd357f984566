-- Demo data for the one-command dev run only (hamkke.demo-data=true); never applied in production.
-- Repeatable and idempotent: it fills an empty catalog and leaves a used one alone.
insert into programme_call (title, summary, opens_at, closes_at, time_zone)
select * from (values
  ('{"en": "Women-led cooperatives incubation 2027", "fr": "Incubation des coopératives menées par des femmes 2027", "ar": "احتضان التعاونيات التي تقودها النساء 2027", "id": "Inkubasi koperasi yang dipimpin perempuan 2027", "ur": "خواتین کی زیرِ قیادت کوآپریٹوز کی انکیوبیشن 2027"}'::jsonb,
   '{"en": "Twelve months of mentoring, training and seed support for cooperatives and self-help groups led by women home-based workers.", "fr": "Douze mois d''accompagnement, de formation et d''appui d''amorçage pour les coopératives et groupes d''entraide menés par des travailleuses à domicile.", "ar": "اثنا عشر شهرًا من الإرشاد والتدريب والدعم الأولي للتعاونيات ومجموعات المساعدة الذاتية التي تقودها العاملات من المنزل.", "id": "Dua belas bulan pendampingan, pelatihan, dan dukungan awal bagi koperasi dan kelompok swadaya yang dipimpin pekerja rumahan perempuan.", "ur": "گھر سے کام کرنے والی خواتین کی قیادت میں کوآپریٹوز اور سیلف ہیلپ گروپس کے لیے بارہ ماہ کی رہنمائی، تربیت اور ابتدائی مدد۔"}'::jsonb,
   now() - interval '10 days', now() + interval '40 days', 'Asia/Seoul'),
  ('{"en": "Green livelihoods call", "fr": "Appel moyens de subsistance verts", "id": "Panggilan penghidupan hijau"}'::jsonb,
   '{"en": "For community enterprises in recycling, repair, organic farming and renewable energy.", "fr": "Pour les entreprises communautaires du recyclage, de la réparation, de l''agriculture biologique et des énergies renouvelables.", "id": "Untuk usaha komunitas di bidang daur ulang, perbaikan, pertanian organik, dan energi terbarukan."}'::jsonb,
   now() - interval '2 days', now() + interval '12 days', 'Asia/Jakarta'),
  ('{"en": "Social enterprise seed round (closed)"}'::jsonb,
   '{"en": "Last year''s call, kept to show history."}'::jsonb,
   now() - interval '400 days', now() - interval '330 days', 'Asia/Seoul')
) as demo(title, summary, opens_at, closes_at, time_zone)
where not exists (select 1 from programme_call);

-- The academy's courses, cohorts and enrolments are in R__demo_data_academy.sql (applied after this file).

-- Applicants who never sign in (their subjects are not Keycloak's), so staff see a pipeline at work.
insert into person (subject, username, display_name, email, locale, created_at, version)
select 'demo:' || u, u, n, u || '@demo.hamkke.org', l, now(), 0
from (values ('siti', 'Siti Rahayu', 'id'), ('amina', 'Amina Khatun', 'ur'), ('leila', 'Leila Haddad', 'ar'),
             ('marie', 'Marie Diallo', 'fr'), ('grace', 'Grace Santos', 'en'), ('dewi', 'Dewi Lestari', 'id'),
             ('fatima', 'Fatima Noor', 'ur'), ('joy', 'Joy Mendoza', 'en')) as demo(u, n, l)
where not exists (select 1 from person where subject like 'demo:%');

-- A decided application carries its message and the moment of the decision (V9 holds it to that).
insert into application (call_id, applicant_id, applicant_kind, name, legal_form, sector, region, stage,
                         created_at, updated_at, submitted_at, receipt, decision_message, decided_at)
select c.id, p.id, a.kind, a.name, a.form, a.sector, a.region, a.stage,
       now() - (a.days || ' days')::interval, now() - (a.days || ' days')::interval, now() - (a.days || ' days')::interval,
       'DEMO-' || p.username, a.message,
       case when a.message is not null then now() - (a.days || ' days')::interval + interval '2 days' end
from (values ('siti', 'COLLECTIVE', 'Batik Ibu-Ibu Cooperative', 'cooperative', 'textiles', 'Yogyakarta', 'SUBMITTED', 1, null),
             ('amina', 'COLLECTIVE', 'Lahore Home Stitchers', 'self-help group', 'garments', 'Lahore', 'SUBMITTED', 2, null),
             ('leila', 'INDIVIDUAL', 'Zaatar Kitchen', 'sole trader', 'food', 'Tripoli', 'SCREENING', 4, null),
             ('marie', 'COLLECTIVE', 'Coopérative Karité Solidaire', 'cooperative', 'cosmetics', 'Thiès', 'IN_REVIEW', 6, null),
             ('grace', 'COLLECTIVE', 'Bayanihan Weavers', 'association', 'handicrafts', 'Iloilo', 'IN_REVIEW', 7, null),
             ('dewi', 'INDIVIDUAL', 'Repair Café Bandung', 'sole trader', 'repair', 'Bandung', 'INTERVIEW', 8, null),
             ('fatima', 'COLLECTIVE', 'Karachi Green Stoves', 'cooperative', 'energy', 'Karachi', 'WAITLISTED', 9,
              'A strong application: you are first on the waiting list and will hear from us if a place opens before March.'),
             ('joy', 'INDIVIDUAL', 'Cebu Compost Collective', 'association', 'recycling', 'Cebu', 'REJECTED', 9,
              'Thank you for applying. This call is for groups led by women; the Green livelihoods call may suit you better.'))
     as a(u, kind, name, form, sector, region, stage, days, message)
join person p on p.subject = 'demo:' || a.u
join lateral (select id from programme_call where title ->> 'en' like 'Women-led%' order by id limit 1) c on true
where not exists (select 1 from application where receipt like 'DEMO-%');

-- A database that had the demo decisions before V9 got a placeholder message there; the demo's own replaces it.
update application set decision_message = d.message
from (values ('DEMO-fatima', 'A strong application: you are first on the waiting list and will hear from us if a place opens before March.'),
             ('DEMO-joy', 'Thank you for applying. This call is for groups led by women; the Green livelihoods call may suit you better.'))
     as d(receipt, message)
where application.receipt = d.receipt and application.decision_message = 'No message was recorded with this decision.';

-- Members with their e-mail addresses where they gave one. Bayanihan Weavers counts the demo
-- "reviewer" login among its members: staff assigning that reviewer to it are refused, and automatic
-- assignment passes over them there (a conflict of interest found from the e-mail address).
insert into application_member (application_id, position, name, role, consent_at, email)
select a.id, m.pos, m.name, m.role, now(), m.email
from application a
join (values ('DEMO-siti', 1, 'Siti Rahayu', 'chair', 'siti@demo.hamkke.org'),
             ('DEMO-siti', 2, 'Wulan Sari', 'treasurer', 'wulan.sari@demo.hamkke.org'),
             ('DEMO-amina', 1, 'Amina Khatun', 'leader', null), ('DEMO-amina', 2, 'Rukhsana Bibi', 'member', null),
             ('DEMO-marie', 1, 'Marie Diallo', 'présidente', null),
             ('DEMO-grace', 1, 'Grace Santos', 'coordinator', 'grace@demo.hamkke.org'),
             ('DEMO-grace', 2, 'Rosa Villanueva', 'weaver', 'reviewer@demo.hamkke.org'))
     as m(receipt, pos, name, role, email) on m.receipt = a.receipt
where not exists (select 1 from application_member am where am.application_id = a.id and am.position = m.pos);
-- A database that got the demo members before they had e-mail addresses gets them now.
update application_member am set email = m.email
from application a, (values ('DEMO-siti', 1, 'siti@demo.hamkke.org'), ('DEMO-siti', 2, 'wulan.sari@demo.hamkke.org'),
                            ('DEMO-grace', 1, 'grace@demo.hamkke.org')) as m(receipt, pos, email)
where a.id = am.application_id and a.receipt = m.receipt and am.position = m.pos and am.email is null;

-- The application form of the women-led cooperatives call.
insert into call_question (call_id, position, kind, label, required, max_length, choices)
select c.id, q.pos, q.kind, q.label::jsonb, q.req, q.maxlen, q.choices::jsonb
from (values
  (1, 'LONG_TEXT', '{"en": "What does your enterprise do, and for whom?", "fr": "Que fait votre entreprise, et pour qui ?", "ar": "ماذا تفعل مؤسستك، ولمن؟", "id": "Apa yang dilakukan usaha Anda, dan untuk siapa?", "ur": "آپ کا کاروبار کیا کرتا ہے، اور کس کے لیے؟"}', true, 1500, '[]'),
  (2, 'NUMBER', '{"en": "How many members or workers, including you?", "fr": "Combien de membres ou de travailleuses, vous comprise ?", "ar": "كم عدد الأعضاء أو العاملات، بمن فيهم أنت؟", "id": "Berapa anggota atau pekerja, termasuk Anda?", "ur": "آپ سمیت کتنے ارکان یا کارکن ہیں؟"}', true, null, '[]'),
  (3, 'CHOICE', '{"en": "Where do you mostly work?", "fr": "Où travaillez-vous surtout ?", "ar": "أين تعملين في الغالب؟", "id": "Di mana Anda kebanyakan bekerja?", "ur": "آپ زیادہ تر کہاں کام کرتی ہیں؟"}', false, null,
      '[{"value": "home", "label": {"en": "At home", "fr": "À domicile", "ar": "في المنزل", "id": "Di rumah", "ur": "گھر پر"}},
        {"value": "workshop", "label": {"en": "In a shared workshop", "fr": "Dans un atelier partagé", "ar": "في ورشة مشتركة", "id": "Di bengkel bersama", "ur": "مشترکہ ورکشاپ میں"}},
        {"value": "market", "label": {"en": "At a market", "fr": "Sur un marché", "ar": "في السوق", "id": "Di pasar", "ur": "بازار میں"}}]'),
  (4, 'FILE', '{"en": "A budget, a business plan or a photo of your products (optional)", "fr": "Un budget, un plan d''affaires ou une photo de vos produits (facultatif)", "ar": "ميزانية أو خطة عمل أو صورة لمنتجاتك (اختياري)", "id": "Anggaran, rencana usaha, atau foto produk Anda (opsional)", "ur": "بجٹ، کاروباری منصوبہ یا اپنی مصنوعات کی تصویر (اختیاری)"}', false, null, '[]')
) as q(pos, kind, label, req, maxlen, choices)
cross join lateral (select id from programme_call where title ->> 'en' like 'Women-led%' order by id limit 1) c
where not exists (select 1 from call_question);

-- The default rubric's score bands (DefaultRubric.BANDS), in the five languages: what a score means to a reviewer.
create temporary table demo_bands on commit drop as select '[
  {"min": 0, "max": 1, "label": {"en": "weak or absent", "fr": "faible ou absent", "ar": "ضعيف أو غائب", "id": "lemah atau tidak ada", "ur": "کمزور یا غیر موجود"}},
  {"min": 2, "max": 3, "label": {"en": "present but unproven", "fr": "présent mais non démontré", "ar": "موجود لكن غير مثبت", "id": "ada tetapi belum terbukti", "ur": "موجود مگر ثابت نہیں"}},
  {"min": 4, "max": 5, "label": {"en": "strong and evidenced", "fr": "solide et étayé", "ar": "قوي ومدعوم بالأدلة", "id": "kuat dan didukung bukti", "ur": "مضبوط اور شواہد سے ثابت"}}
]'::jsonb as bands;

-- The default Social Solidarity Economy rubric, on the women-led cooperatives call.
insert into rubric_criterion (call_id, position, key, label, guidance, weight, max_score, bands)
select c.id, r.pos, r.key, r.label::jsonb, r.guidance::jsonb, r.weight, 5,
       d.bands
from (values
  (1, 'social-impact', '{"en": "Social impact", "fr": "Impact social", "ar": "الأثر الاجتماعي", "id": "Dampak sosial", "ur": "سماجی اثر"}',
      '{"en": "Who benefits, how many, and how clearly the change can be seen.", "fr": "Qui en bénéficie, combien, et à quel point le changement est visible."}', 25),
  (2, 'democratic-governance', '{"en": "Democratic governance and collective ownership", "fr": "Gouvernance démocratique et propriété collective", "ar": "الحوكمة الديمقراطية والملكية الجماعية", "id": "Tata kelola demokratis dan kepemilikan bersama", "ur": "جمہوری انتظام اور اجتماعی ملکیت"}',
      '{"en": "One member, one vote; decisions and surplus shared."}', 15),
  (3, 'inclusion', '{"en": "Inclusion of vulnerable groups", "fr": "Inclusion des groupes vulnérables", "ar": "إدماج الفئات الهشة", "id": "Inklusi kelompok rentan", "ur": "کمزور طبقات کی شمولیت"}',
      '{"en": "Women home-based workers, informal workers, people with disabilities among members and leaders."}', 20),
  (4, 'environment', '{"en": "Environmental sustainability", "fr": "Durabilité environnementale", "ar": "الاستدامة البيئية", "id": "Keberlanjutan lingkungan", "ur": "ماحولیاتی پائیداری"}',
      '{"en": "Materials, energy and waste."}', 10),
  (5, 'viability', '{"en": "Economic viability", "fr": "Viabilité économique", "ar": "الجدوى الاقتصادية", "id": "Kelayakan ekonomi", "ur": "معاشی استحکام"}',
      '{"en": "Customers, prices and a path to covering costs."}', 20),
  (6, 'team', '{"en": "Team capacity", "fr": "Capacité de l''équipe", "ar": "قدرات الفريق", "id": "Kapasitas tim", "ur": "ٹیم کی صلاحیت"}',
      '{"en": "Skills, time and commitment of the members."}', 10)
) as r(pos, key, label, guidance, weight)
cross join lateral (select id from programme_call where title ->> 'en' like 'Women-led%' order by id limit 1) c
cross join demo_bands d
where not exists (select 1 from rubric_criterion);
-- A database that got the demo rubric with English bands only gets the translations.
update rubric_criterion set bands = d.bands from demo_bands d
where rubric_criterion.bands = '[{"min": 0, "max": 1, "label": {"en": "weak or absent"}}, {"min": 2, "max": 3, "label": {"en": "present but unproven"}},
                                 {"min": 4, "max": 5, "label": {"en": "strong and evidenced"}}]'::jsonb;

-- The demo applications' way so far, so staff and applicants see a history.
insert into stage_change (application_id, from_stage, to_stage, actor_id, actor, at, reason)
select a.id, null, 'SUBMITTED', a.applicant_id, p.username, a.submitted_at, null
from application a join person p on p.id = a.applicant_id
where a.receipt like 'DEMO-%' and not exists (select 1 from stage_change c where c.application_id = a.id);
insert into stage_change (application_id, from_stage, to_stage, actor, at, reason)
select a.id, 'SUBMITTED', a.stage, 'staff', a.submitted_at + interval '1 day', 'Demo: moved by the programme office'
from application a
where a.receipt like 'DEMO-%' and a.stage <> 'SUBMITTED'
  and not exists (select 1 from stage_change c where c.application_id = a.id and c.from_stage is not null);

-- Reviewers who never sign in, with reviews at every step: submitted, draft, not yet declared, and
-- a declared conflict staff must resolve. The demo "reviewer" login gets assignments once signed in
-- (staff assign them on the pipeline page).
insert into person (subject, username, display_name, email, locale, created_at, version)
select 'demo:' || u, u, n, u || '@demo.hamkke.org', l, now(), 0
from (values ('ana', 'Ana Lim', 'en'), ('kwame', 'Kwame Mensah', 'fr'), ('noor', 'Noor Aziz', 'ur')) as demo(u, n, l)
where not exists (select 1 from person where subject in ('demo:ana', 'demo:kwame', 'demo:noor'));
insert into person_role (person_id, role)
select id, 'reviewer' from person where subject in ('demo:ana', 'demo:kwame', 'demo:noor')
on conflict do nothing;

insert into review_assignment (application_id, reviewer_id, assigned_at, conflict, declared_at)
select a.id, p.id, a.submitted_at + interval '2 days', r.conflict, case when r.conflict <> 'UNDECLARED' then a.submitted_at + interval '3 days' end
from (values ('DEMO-marie', 'ana', 'NONE'), ('DEMO-marie', 'kwame', 'NONE'), ('DEMO-marie', 'noor', 'CONFLICT'),
             ('DEMO-grace', 'ana', 'NONE'), ('DEMO-grace', 'kwame', 'UNDECLARED'),
             ('DEMO-dewi', 'ana', 'NONE'), ('DEMO-dewi', 'noor', 'NONE')) as r(receipt, reviewer, conflict)
join application a on a.receipt = r.receipt
join person p on p.subject = 'demo:' || r.reviewer
where not exists (select 1 from review_assignment ra join application x on x.id = ra.application_id where x.receipt like 'DEMO-%');

insert into review (assignment_id, scores, comments, status, submitted_at)
select ra.id, r.scores::jsonb, r.comments::jsonb, r.status, case when r.status = 'SUBMITTED' then now() - interval '1 day' end
from (values
  ('DEMO-marie', 'ana', '{"social-impact": 5, "democratic-governance": 5, "inclusion": 4, "environment": 3, "viability": 4, "team": 4}',
   '{"social-impact": "Forty women shea processors gain a fair price.", "viability": "Buyers lined up in Dakar."}', 'SUBMITTED'),
  ('DEMO-marie', 'kwame', '{"social-impact": 3, "democratic-governance": 4, "inclusion": 4, "environment": 2, "viability": 2, "team": 3}',
   '{"viability": "Les coûts de transport ne sont pas chiffrés.", "environment": "Bois de chauffe : quelle alternative ?"}', 'SUBMITTED'),
  ('DEMO-grace', 'ana', '{"social-impact": 4, "inclusion": 5}', '{"inclusion": "Mostly indigenous weavers."}', 'DRAFT'),
  ('DEMO-dewi', 'ana', '{"social-impact": 3, "democratic-governance": 2, "inclusion": 3, "environment": 5, "viability": 3, "team": 3}',
   '{"environment": "Every repair keeps a device out of landfill."}', 'SUBMITTED'),
  ('DEMO-dewi', 'noor', '{"social-impact": 4, "democratic-governance": 2, "inclusion": 3, "environment": 5, "viability": 4, "team": 4}',
   '{}', 'SUBMITTED')) as r(receipt, reviewer, scores, comments, status)
join application a on a.receipt = r.receipt
join person p on p.subject = 'demo:' || r.reviewer
join review_assignment ra on ra.application_id = a.id and ra.reviewer_id = p.id
where not exists (select 1 from review v where v.assignment_id = ra.id);

-- What the demo applicants answered (question 1: what they do; 2: how many; 3: where they work).
update application a set answers = jsonb_build_object(
    (select id from call_question where call_id = a.call_id and position = 1)::text, d.what,
    (select id from call_question where call_id = a.call_id and position = 2)::text, d.how_many,
    (select id from call_question where call_id = a.call_id and position = 3)::text, d.place)
from (values ('DEMO-siti', 'Hand-drawn batik by twelve mothers, sold to hotels and online.', '12', 'home'),
             ('DEMO-amina', 'Embroidered kurtas stitched at home; we want to sell without middlemen.', '25', 'home'),
             ('DEMO-leila', 'Zaatar and preserves from family recipes, cooked in a shared kitchen.', '3', 'workshop'),
             ('DEMO-marie', 'Nous transformons le karité en beurre et savons, vendus sur les marchés de Thiès.', '40', 'workshop'),
             ('DEMO-grace', 'Hablon weaving on shared looms; each weaver owns an equal share.', '18', 'workshop'),
             ('DEMO-dewi', 'Monthly repair days for phones, fans and rice cookers, by volunteers and paid fixers.', '9', 'market'),
             ('DEMO-fatima', 'Clean cookstoves built and sold by women in Orangi Town.', '30', 'workshop'),
             ('DEMO-joy', 'Collecting market waste and selling compost to urban gardens.', '6', 'market'))
     as d(receipt, what, how_many, place)
where a.receipt = d.receipt and a.answers = '{}'::jsonb;

-- The demo reviews as staff see them summarised (application_score, V12): kept by the portal as
-- reviews change, computed here for rows written straight to the database.
select intake_refresh_scores(c.id) from programme_call c where exists (select 1 from application a where a.call_id = c.id);
