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

-- 5. The women-led call's milestone templates (issue 13, milestones), in the five languages, each
--    with the same two-criterion rubric and its bands; due 14 to 90 days after the incubation starts.
insert into milestone_template (call_id, position, title, description, expected_evidence, due_offset_days, rubric)
select c.id, t.position, t.title::jsonb, t.description::jsonb, t.evidence::jsonb, t.offset_days, '{
  "criteria": [
    {"key": "evidence", "max": 4, "label": {"en": "The evidence shows the milestone is reached", "ar": "الدليل يثبت بلوغ المرحلة", "fr": "Les preuves montrent que l''étape est franchie", "id": "Bukti menunjukkan tonggak tercapai", "ur": "ثبوت دکھاتا ہے کہ سنگ میل حاصل ہوا"}},
    {"key": "members", "max": 4, "label": {"en": "The members own and understand it", "ar": "الأعضاء يملكونه ويفهمونه", "fr": "Les membres se l''approprient et le comprennent", "id": "Anggota memiliki dan memahaminya", "ur": "ارکان اسے اپناتے اور سمجھتے ہیں"}}],
  "bands": [
    {"min": 0, "max": 3, "label": {"en": "not yet", "ar": "ليس بعد", "fr": "pas encore", "id": "belum", "ur": "ابھی نہیں"}},
    {"min": 4, "max": 6, "label": {"en": "nearly there", "ar": "قريب", "fr": "presque", "id": "hampir", "ur": "تقریباً"}},
    {"min": 7, "max": 8, "label": {"en": "reached", "ar": "تحقّق", "fr": "atteint", "id": "tercapai", "ur": "حاصل"}}]}'::jsonb
from (values
  (1, '{"en": "Business model canvas", "ar": "نموذج العمل التجاري", "fr": "Canevas du modèle économique", "id": "Kanvas model bisnis", "ur": "بزنس ماڈل کینوس"}',
      '{"en": "Agree as a group who your customers are, what you offer them and how the venture earns and spends.", "ar": "اتفقوا كمجموعة على من هم زبائنكم وما تقدمونه لهم وكيف يكسب المشروع وينفق.", "fr": "Convenez ensemble de vos clients, de ce que vous leur offrez et de la façon dont l''entreprise gagne et dépense.", "id": "Sepakati bersama siapa pelanggan Anda, apa yang Anda tawarkan, dan bagaimana usaha memperoleh dan membelanjakan uang.", "ur": "گروپ کے طور پر طے کریں کہ آپ کے گاہک کون ہیں، آپ انہیں کیا دیتے ہیں اور ادارہ کیسے کماتا اور خرچ کرتا ہے۔"}',
      '{"en": "A photo of the canvas and a few lines on how the members made it.", "ar": "صورة للنموذج وبضعة أسطر عن كيفية إعداده.", "fr": "Une photo du canevas et quelques lignes sur la façon dont les membres l''ont construit.", "id": "Foto kanvas dan beberapa baris tentang cara anggota membuatnya.", "ur": "کینوس کی تصویر اور چند سطریں کہ ارکان نے اسے کیسے بنایا۔"}', 14),
  (2, '{"en": "Legal registration", "ar": "التسجيل القانوني", "fr": "Enregistrement légal", "id": "Pendaftaran badan hukum", "ur": "قانونی رجسٹریشن"}',
      '{"en": "Register the venture in the legal form the members chose (cooperative, association, social enterprise or group).", "ar": "سجّلوا المشروع بالشكل القانوني الذي اختاره الأعضاء.", "fr": "Enregistrez l''entreprise sous la forme juridique choisie par les membres.", "id": "Daftarkan usaha dalam bentuk hukum yang dipilih anggota.", "ur": "ادارے کو ارکان کی منتخب قانونی شکل میں رجسٹر کریں۔"}',
      '{"en": "The registration number and a link to the certificate or the registry entry.", "ar": "رقم التسجيل ورابط إلى الشهادة أو القيد.", "fr": "Le numéro d''enregistrement et un lien vers le certificat ou le registre.", "id": "Nomor pendaftaran dan tautan ke sertifikat atau catatan registri.", "ur": "رجسٹریشن نمبر اور سرٹیفکیٹ یا رجسٹری اندراج کا لنک۔"}', 25),
  (3, '{"en": "Impact measurement plan", "ar": "خطة قياس الأثر", "fr": "Plan de mesure d''impact", "id": "Rencana pengukuran dampak", "ur": "اثر کی پیمائش کا منصوبہ"}',
      '{"en": "Choose the indicators the venture will record (income, women employed, people trained) and who records them when.", "ar": "اختاروا المؤشرات التي سيسجلها المشروع ومن يسجلها ومتى.", "fr": "Choisissez les indicateurs que l''entreprise relèvera et qui les relève, quand.", "id": "Pilih indikator yang akan dicatat usaha dan siapa yang mencatatnya kapan.", "ur": "وہ اشاریے چنیں جو ادارہ درج کرے گا اور کون کب درج کرے گا۔"}',
      '{"en": "The plan as a text or a link to a shared document.", "ar": "الخطة نصًا أو رابطًا إلى مستند مشترك.", "fr": "Le plan en texte ou un lien vers un document partagé.", "id": "Rencana sebagai teks atau tautan ke dokumen bersama.", "ur": "منصوبہ بطور متن یا مشترکہ دستاویز کا لنک۔"}', 28),
  (4, '{"en": "First paying customer", "ar": "أول زبون يدفع", "fr": "Premier client payant", "id": "Pelanggan berbayar pertama", "ur": "پہلا ادائیگی کرنے والا گاہک"}',
      '{"en": "Sell to a customer outside the members'' families, at a price that covers the costs.", "ar": "بيعوا لزبون من خارج عائلات الأعضاء بسعر يغطي التكاليف.", "fr": "Vendez à un client extérieur aux familles des membres, à un prix qui couvre les coûts.", "id": "Jual kepada pelanggan di luar keluarga anggota, dengan harga yang menutup biaya.", "ur": "ارکان کے خاندانوں سے باہر کسی گاہک کو ایسی قیمت پر بیچیں جو لاگت پوری کرے۔"}',
      '{"en": "The invoice or receipt, and what the customer said.", "ar": "الفاتورة أو الإيصال وما قاله الزبون.", "fr": "La facture ou le reçu, et ce que le client en a dit.", "id": "Faktur atau kuitansi, dan kata pelanggan.", "ur": "بل یا رسید، اور گاہک نے کیا کہا۔"}', 45),
  (5, '{"en": "First general assembly", "ar": "أول جمعية عامة", "fr": "Première assemblée générale", "id": "Rapat umum pertama", "ur": "پہلا عام اجلاس"}',
      '{"en": "Hold the first general assembly: every member votes on the accounts and the use of any surplus.", "ar": "اعقدوا أول جمعية عامة: يصوّت كل الأعضاء على الحسابات واستخدام الفائض.", "fr": "Tenez la première assemblée générale : chaque membre vote les comptes et l''usage de l''excédent.", "id": "Adakan rapat umum pertama: setiap anggota memilih atas laporan keuangan dan penggunaan surplus.", "ur": "پہلا عام اجلاس کریں: ہر رکن حسابات اور بچت کے استعمال پر ووٹ دے۔"}',
      '{"en": "The minutes with the votes and the members present.", "ar": "المحضر مع الأصوات والأعضاء الحاضرين.", "fr": "Le procès-verbal avec les votes et les membres présents.", "id": "Notulen dengan hasil suara dan anggota yang hadir.", "ur": "کارروائی کی روداد، ووٹوں اور حاضر ارکان کے ساتھ۔"}', 90))
  as t(position, title, description, evidence, offset_days)
join lateral (select id from programme_call where title ->> 'en' like 'Women-led%' order by id limit 1) c on true
on conflict (call_id, position) do nothing;

-- 6. The demo ventures' plans from those templates, due from the start of their incubation (their
--    mentoring's first day, else the day they were accepted), then evidence and grades: Threads of
--    Sindh and Dapur Ibu have a canvas passed, evidence waiting for a grade and a milestone overdue;
--    Threads also a registration in revision. Each statement adds only what is missing.
insert into milestone (venture_id, template_id, position, title, description, expected_evidence, rubric, due_on, status, created_at)
select v.id, t.id, t.position, t.title, t.description, t.expected_evidence, t.rubric,
       coalesce((select min(x.starts_on) from mentor_assignment x where x.venture_id = v.id and x.status in ('ACTIVE', 'ENDED')),
                v.created_at::date) + t.due_offset_days,
       'OPEN', now()
from venture v join application a on a.id = v.application_id join milestone_template t on t.call_id = a.call_id
where a.receipt like 'INC-DEMO-%'
on conflict (venture_id, template_id) where template_id is not null do nothing;

insert into milestone_submission (milestone_id, number, text, links, submitted_by, submitted_at)
select m.id, 1, s.text, s.links, a.applicant_id, now() - (s.ago || ' days')::interval
from (values
  ('INC-DEMO-entrepreneur', 1, 'We drew the canvas together at the Thursday meeting: buyers are fair-trade shops in Karachi and Seoul.',
   '{"https://example.org/threads-of-sindh/canvas.jpg"}'::text[], 18),
  ('INC-DEMO-entrepreneur', 2, 'We filed the association''s papers with the district registrar.', '{}'::text[], 7),
  ('INC-DEMO-entrepreneur', 4, 'A shop in Seoul ordered 40 embroidered cushion covers and paid by bank transfer.',
   '{"https://example.org/threads-of-sindh/invoice-001.pdf"}'::text[], 2),
  ('INC-DEMO-ayu', 1, 'Canvas attached: we sell frozen rendang and sambal to office workers through WhatsApp groups.',
   '{"https://example.org/dapur-ibu/canvas"}'::text[], 20),
  ('INC-DEMO-ayu', 2, 'Registered as a cooperative (koperasi) with the city office.', '{"https://example.org/dapur-ibu/akta"}'::text[], 4))
  as s(receipt, position, text, links, ago)
join application a on a.receipt = s.receipt
join venture v on v.application_id = a.id
join milestone m on m.venture_id = v.id and m.position = s.position and m.template_id is not null
where not exists (select 1 from milestone_submission);

insert into milestone_grade (submission_id, version, grader_id, scores, feedback, outcome, what_to_change, published_at)
select s.id, 1, x.mentor_id, g.scores::jsonb, g.feedback::jsonb, g.outcome, g.change, now() - (g.ago || ' days')::interval
from (values
  ('INC-DEMO-entrepreneur', 1, '{"evidence": 4, "members": 3}', '{"evidence": "A clear canvas with real buyers."}', 'PASSED', null, 15),
  ('INC-DEMO-entrepreneur', 2, '{"evidence": 1, "members": 3}', '{"evidence": "Filing is not registration yet."}', 'REVISION_REQUESTED',
   'Send the registration number once the registrar has issued it, with a photo of the certificate.', 5),
  ('INC-DEMO-ayu', 1, '{"evidence": 3, "members": 4}', '{"members": "Every member could explain it."}', 'PASSED', null, 17))
  as g(receipt, position, scores, feedback, outcome, change, ago)
join application a on a.receipt = g.receipt
join venture v on v.application_id = a.id
join milestone m on m.venture_id = v.id and m.position = g.position and m.template_id is not null
join milestone_submission s on s.milestone_id = m.id and s.number = 1
join mentor_assignment x on x.venture_id = v.id and x.status = 'ACTIVE'
where not exists (select 1 from milestone_grade);

-- A milestone's status follows its latest submission and that submission's latest grade.
update milestone m set status = coalesce(latest.outcome, 'SUBMITTED')
from (select distinct on (s.milestone_id) s.milestone_id,
             (select g.outcome from milestone_grade g where g.submission_id = s.id order by g.version desc limit 1) as outcome
      from milestone_submission s order by s.milestone_id, s.number desc) latest
where latest.milestone_id = m.id and m.status <> 'DROPPED' and m.status <> coalesce(latest.outcome, 'SUBMITTED');
